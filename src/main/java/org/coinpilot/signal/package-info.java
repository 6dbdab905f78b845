/**
 * Signal: long/short trading signals with entry, target, stop, risk and expiry (layer 4, micro timing).
 *
 * <p>Tables owned (docs/schema.md): {@code trading_signals}.
 */
package org.coinpilot.signal;
