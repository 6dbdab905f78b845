/**
 * Identity: accounts, login sessions, the sign-in limits and the user activity audit trail.
 *
 * <p>Owns tables: users, user_sessions, user_activities, auth_throttles.
 *
 * <p>Publishes: identity_recipients (view: who may receive notifications, their email, time zone and notification
 * settings), identity_activity_events (view: user, activity type, action, entity type and time of the audit trail,
 * without addresses, user agents or details). The notification settings are written through
 * {@code identity.service.NotificationSettingsService}.
 */
package org.coinpilot.identity;
