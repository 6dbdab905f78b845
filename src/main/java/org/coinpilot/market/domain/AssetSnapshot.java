package org.coinpilot.market.domain;

import java.math.BigDecimal;

/**
 * What market knows of one asset on one timeframe, for a list view (watchlists): its catalogue entry, the latest
 * stored candle as a quote (age and staleness at the clock's now), the newest stored indicator values, and the highest
 * high of its daily candles over a window. A part that is not stored is null, never estimated.
 */
public record AssetSnapshot(AssetRef asset, Quote quote, StoredIndicators indicators, BigDecimal high) {}
