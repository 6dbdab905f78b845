/**
 * Alert: users' alert rules on assets, evaluated set-based.
 *
 * <p>Owns tables: signal_alerts, alert_series_checks (added).
 */
package org.coinpilot.alert;
