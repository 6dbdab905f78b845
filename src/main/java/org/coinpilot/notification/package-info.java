/**
 * Notification: per-user notifications, also the outbox of their delivery.
 *
 * <p>Owns tables: notifications.
 */
package org.coinpilot.notification;
