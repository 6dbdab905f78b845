/**
 * Identity: accounts, login sessions, the sign-in limits and the user activity audit trail.
 *
 * <p>Owns tables: users, user_sessions, user_activities, auth_throttles.
 */
package org.coinpilot.identity;
