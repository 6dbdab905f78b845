/**
 * Identity: accounts, login sessions and the user activity audit trail.
 *
 * <p>Owns tables: users, user_sessions, user_activities.
 */
package org.coinpilot.identity;
