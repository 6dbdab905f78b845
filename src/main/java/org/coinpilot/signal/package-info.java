/**
 * Signal: long/short trading signals with entry, target, stop, risk and expiry (layer 4, micro timing).
 *
 * <p>Owns tables: trading_signals.
 */
package org.coinpilot.signal;
