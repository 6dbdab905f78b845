package org.coinpilot.watchlist.api;

import java.time.Instant;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.watchlist.domain.WatchlistType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A watchlist with its assets in order, each with its market data. */
@Schema(description = "A watchlist with its assets in order, each with its market data")
public record WatchlistResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Name") String name,

        @Schema(description = "Description", nullable = true)
        String description,

        @Schema(description = "DEFAULT (system list) or PERSONAL")
        WatchlistType type,

        @Schema(description = "Whether the list is active") boolean active,

        @Schema(description = "Most assets the list may hold")
        int maxAssets,

        @Schema(description = "Display order") int sortOrder,
        @Schema(description = "Optimistic-locking version") long version,
        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt,

        @Schema(description = "Timeframe of the price, change and indicators")
        Timeframe timeframe,

        @Schema(description = "The assets, in order") List<WatchlistAssetResponse> items) {

    public WatchlistResponse {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
