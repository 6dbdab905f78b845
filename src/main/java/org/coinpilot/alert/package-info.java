/**
 * Alert: users' alert rules on assets, evaluated set-based.
 *
 * <p>Tables owned (docs/schema.md): {@code signal_alerts}.
 */
package org.coinpilot.alert;
