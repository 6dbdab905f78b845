/**
 * Portfolio: a user's positions and the trade journal of each position.
 *
 * <p>Owns tables: portfolio, trade_actions. The {@code portfolio} table maps to entity {@code Position} (one row per position).
 */
package org.coinpilot.portfolio;
