/**
 * Signal: long/short trading signals with entry, target, stop, risk and expiry (layer 4, micro timing), generated from
 * predictions, indicators and the regime, and scored against the candles that followed (docs/signals.md).
 *
 * <p>Owns tables: trading_signals.
 *
 * <p>Publishes: signal_events (view: every signal with its levels, status, creation and expiry; what the alert
 * evaluation of signal_generated alerts reads). Other features' Java reads through
 * {@code signal.service.SignalReadService}.
 */
package org.coinpilot.signal;
