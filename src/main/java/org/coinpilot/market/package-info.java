/**
 * Market: the asset catalogue and OHLCV candles (live and archived).
 *
 * <p>Owns tables: cryptocurrencies, price_data, price_data_archive, market_candle_gaps.
 *
 * <p>Publishes: market_assets (view: id, symbol, name, active, supported), market_candles (view: the live candles
 * with their stored indicators). Other features' Java reads through {@code market.service.MarketReadService}
 * (assets, latest quotes, latest stored indicators, for many assets in one statement) and
 * {@code market.service.CandleSeriesService}.
 */
package org.coinpilot.market;
