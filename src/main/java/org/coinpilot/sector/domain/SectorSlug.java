package org.coinpilot.sector.domain;

import java.util.Locale;

/**
 * A sector's slug: lower case, each run of characters other than {@code a-z} and {@code 0-9} one {@code -}, no
 * leading or trailing {@code -} ({@code "Layer 1 (L1)"} → {@code layer-1-l1}). The same rule as the backfill in
 * {@code V120__sector_slug_published.sql}.
 */
public final class SectorSlug {

    /** What a stored slug looks like (also a CHECK of the column). */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private SectorSlug() {}

    /** The slug of {@code name}; empty when the name has no letter or digit of a-z / 0-9. */
    public static String of(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
