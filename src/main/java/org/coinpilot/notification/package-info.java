/**
 * Notification: per-user notifications, also the outbox of their delivery.
 *
 * <p>Owns tables: notifications, notification_deliveries, notification_delivery_attempts (the delivery outbox and
 * its attempt log).
 *
 * <p>Publishes: notification_enqueue (function: inserts notifications from an array of notification_draft, once per
 * idempotency key; what the alert evaluation statements call), notification_draft (its row type).
 */
package org.coinpilot.notification;
