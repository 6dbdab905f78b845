package org.coinpilot.market.domain;

/** Where an asset's current price (and its 24 h / 7 d change and 24 h volume) in the catalogue comes from. */
public enum PriceSource {
    /** The catalogue sync (CoinGecko markets). */
    CATALOGUE,
    /** The latest stored candle, because the catalogue has no price (sync offline or never run). */
    CANDLE
}
