package org.coinpilot.market.domain;

import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;

/**
 * The newest stored indicator values of an asset on one timeframe (the {@code technical_indicators} of the newest
 * live candle that has them; docs/indicators.md, "Stored values").
 *
 * @param candleTime open time of the candle the values belong to
 * @param latestCandleTime open time of the newest stored candle of the series: when it is after {@code candleTime}
 *     the newest values are not computed yet
 * @param values by the stored JSON's path with dots: {@code RSI}, {@code SMA.50}, {@code MACD.signal}, {@code BB.upper}
 */
public record StoredIndicators(
        long cryptoId, Timeframe timeframe, Instant candleTime, Instant latestCandleTime, Map<String, Double> values) {}
