/**
 * Coinpilot's technical-indicator engine: plain Java 17, no framework dependency.
 *
 * <p>Every indicator follows TA-Lib's C implementation (seeding, first index, zero guards); see {@code
 * docs/indicators.md}. Two forms are offered:
 *
 * <ul>
 *   <li><b>Batch</b>: {@link org.coinpilot.indicators.domain.IndicatorSpec#compute(Candles)} runs one pass over
 *       primitive arrays and returns arrays of the input length. {@link java.lang.Double#NaN} in an output means
 *       "warm-up not satisfied" (no value exists yet at that bar); it is never a number to show.
 *   <li><b>Incremental</b>: {@link org.coinpilot.indicators.domain.IndicatorState} takes one closed candle at a time
 *       in O(1) (window min/max and CCI's mean deviation: O(n), see the state classes) and gives the same doubles as
 *       the batch form. Its {@link org.coinpilot.indicators.domain.IndicatorSnapshot} is a small record of
 *       primitives meant to be stored (e.g. as JSON) and restored later.
 * </ul>
 *
 * <p>{@link org.coinpilot.indicators.domain.CoreSet} computes SMA20, EMA20, RSI14, MACD 12/26/9, BB 20/2 and ATR14 in
 * one fused pass.
 */
package org.coinpilot.indicators.domain;
