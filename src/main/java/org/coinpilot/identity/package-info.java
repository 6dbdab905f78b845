/**
 * Identity: accounts, login sessions and the user activity audit trail.
 *
 * <p>Owns tables: users, user_sessions, user_activities.
 *
 * <p>Publishes: identity_recipients (view: who may receive notifications, their email, time zone and notification
 * settings). The notification settings are written through {@code identity.service.NotificationSettingsService}.
 */
package org.coinpilot.identity;
