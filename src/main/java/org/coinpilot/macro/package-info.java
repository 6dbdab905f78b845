/**
 * Macro (analysis layer 1): market regime, sentiment, dominance and macro indicators.
 *
 * <p>Owns tables: market_regime_analysis, market_sentiment_data, dominance_data, macro_indicators.
 */
package org.coinpilot.macro;
