package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** What a position holds (the seed's Title Case values stored in lowercase snake case). Stored lowercase in {@code portfolio.asset_type}. */
public enum AssetType {
    CRYPTO_ASSET,
    STABLECOIN,
    LONG_POSITION,
    SHORT_POSITION;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<AssetType> {
        public Converter() {
            super(AssetType.class);
        }
    }
}
