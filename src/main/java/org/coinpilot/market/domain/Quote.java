package org.coinpilot.market.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.coinpilot.common.time.Timeframe;

/**
 * The latest stored candle of an asset on one timeframe, as a quote (docs/market.md, "Published reads").
 *
 * @param candleTime open time of the latest stored (closed) candle
 * @param closedAt when that candle closed ({@code candleTime} + the timeframe)
 * @param close its close
 * @param change24hPercent close against the close of the candle exactly 24 h earlier, in percent (scale 4); null when
 *     that candle is not stored (a gap, too little history, or a timeframe of a week)
 * @param change7dPercent the same against the candle exactly 7 days earlier; null when it is not stored
 * @param volume24hUsd USD volume of the candles that closed in the 24 h up to {@code closedAt}; null unless every one
 *     of them is stored with a volume (and for weekly candles)
 * @param ageSeconds seconds from {@code closedAt} to now
 * @param stale true when at least one whole candle has closed since {@code closedAt} and is not stored
 */
public record Quote(
        long cryptoId,
        String symbol,
        Timeframe timeframe,
        Instant candleTime,
        Instant closedAt,
        BigDecimal close,
        BigDecimal change24hPercent,
        BigDecimal change7dPercent,
        BigDecimal volume24hUsd,
        long ageSeconds,
        boolean stale) {}
