/**
 * Identity: accounts, login sessions, the sign-in limits and the user activity audit trail.
 *
 * <p>Owns tables: users, user_sessions, user_activities, auth_throttles.
 *
 * <p>Publishes: identity_recipients (view: who may receive notifications, their email, time zone and notification
 * settings). The notification settings are written through {@code identity.service.NotificationSettingsService}.
 */
package org.coinpilot.identity;
