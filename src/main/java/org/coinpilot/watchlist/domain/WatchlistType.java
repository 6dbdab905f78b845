package org.coinpilot.watchlist.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** {@code DEFAULT} lists are system lists without an owner; {@code PERSONAL} lists always have one. Stored lowercase in {@code watchlists.watchlist_type}. */
public enum WatchlistType {
    DEFAULT,
    PERSONAL;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<WatchlistType> {
        public Converter() {
            super(WatchlistType.class);
        }
    }
}
