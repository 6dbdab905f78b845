package org.coinpilot.watchlist.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** How an asset is watched. Stored lowercase in {@code watchlist_assets.position_type}. */
public enum PositionType {
    LONG,
    SHORT;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<PositionType> {
        public Converter() {
            super(PositionType.class);
        }
    }
}
