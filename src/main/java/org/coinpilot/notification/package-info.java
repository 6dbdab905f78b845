/**
 * Notification: per-user notifications, also the outbox of their delivery.
 *
 * <p>Owns tables: notifications, notification_deliveries, notification_delivery_attempts (the delivery outbox and
 * its attempt log).
 */
package org.coinpilot.notification;
