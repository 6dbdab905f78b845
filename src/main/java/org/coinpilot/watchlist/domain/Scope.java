package org.coinpilot.watchlist.domain;

/**
 * Who changes watchlists and which lists they may change: a user their personal lists ({@code PERSONAL}), an admin
 * the system default lists ({@code DEFAULT}). {@code actorId} is recorded in {@code added_by} / {@code
 * last_modified_by}.
 */
public record Scope(WatchlistType type, long actorId) {

    public static Scope personal(long userId) {
        return new Scope(WatchlistType.PERSONAL, userId);
    }

    public static Scope system(long adminId) {
        return new Scope(WatchlistType.DEFAULT, adminId);
    }

    public boolean personal() {
        return type == WatchlistType.PERSONAL;
    }
}
