package org.coinpilot.sector.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the performance job knows of one asset: its latest closed candle's price moves (market's published candles)
 * and its market capitalisation (market's catalogue read). Any value may be null (too little history, a gap, no
 * market cap yet).
 *
 * @param change24h percent change of the close against the close exactly 24 h earlier
 * @param change7d the same against 7 days earlier
 * @param change30d the same against 30 days earlier
 * @param volume24hUsd USD volume of the candles that closed in the last 24 h (null unless all are stored)
 * @param volumePrev24hUsd USD volume of the 24 h before those (null unless all are stored)
 * @param closedAt when the latest candle closed
 */
public record AssetMove(
        long cryptoId,
        String symbol,
        BigDecimal marketCapUsd,
        BigDecimal change24h,
        BigDecimal change7d,
        BigDecimal change30d,
        BigDecimal volume24hUsd,
        BigDecimal volumePrev24hUsd,
        Instant closedAt) {}
