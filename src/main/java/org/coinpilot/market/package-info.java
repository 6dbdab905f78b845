/**
 * Market: the asset catalogue and OHLCV candles (live and archived).
 *
 * <p>Owns tables: cryptocurrencies, price_data, price_data_archive.
 */
package org.coinpilot.market;
