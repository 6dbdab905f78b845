/**
 * Notification: per-user notifications, also the outbox of their delivery.
 *
 * <p>Tables owned (docs/schema.md): {@code notifications}.
 */
package org.coinpilot.notification;
