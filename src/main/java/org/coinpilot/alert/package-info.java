/**
 * Alert: users' alert rules on assets, evaluated set-based.
 *
 * <p>Owns tables: signal_alerts.
 */
package org.coinpilot.alert;
