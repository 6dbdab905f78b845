/**
 * Portfolio: a user's positions and the trade journal of each position.
 *
 * <p>Tables owned (docs/schema.md): {@code portfolio} (entity {@code Position}, one row per position), {@code trade_actions}.
 */
package org.coinpilot.portfolio;
