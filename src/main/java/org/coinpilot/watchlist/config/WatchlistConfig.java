package org.coinpilot.watchlist.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code coinpilot.watchlist.*} (docs/watchlists.md). */
@ConfigMapping(prefix = "coinpilot.watchlist")
public interface WatchlistConfig {

    /** Personal watchlists one user may have; one more is a 422 {@code WATCHLIST_LIMIT_REACHED}. */
    @WithDefault("50")
    @Min(1)
    int maxPersonalLists();

    /** The highest {@code maxAssets} a list may be given (its own limit is {@code max_assets}). */
    @WithDefault("200")
    @Min(1)
    @Max(10_000)
    int maxAssetsLimit();

    /** Days of daily candles the high of "distance from its high" is taken over (365: the 52-week high). */
    @WithDefault("365")
    @Min(1)
    @Max(3650)
    int highWindowDays();
}
