package org.coinpilot.market.domain;

import java.time.Instant;
import org.coinpilot.common.time.Timeframe;

/**
 * How fresh the stored candles of one ingested timeframe are, over the active, supported assets (one series each).
 *
 * @param timeframe the timeframe
 * @param series the series there should be (active, supported assets)
 * @param withoutCandles of those, how many have no candle at all
 * @param stale of those, how many have none or a newest candle that closed before the staleness cut-off
 * @param newest the newest candle's open time over the series (null: none)
 * @param oldest the oldest "newest candle" over the series that have one: the most lagging series (null: none)
 * @param openGaps recorded gaps of these series not filled yet
 * @param missingCandles the candles those gaps miss
 */
public record SeriesFreshness(
        Timeframe timeframe,
        long series,
        long withoutCandles,
        long stale,
        Instant newest,
        Instant oldest,
        long openGaps,
        long missingCandles) {}
