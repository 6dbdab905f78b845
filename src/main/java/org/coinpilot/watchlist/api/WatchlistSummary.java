package org.coinpilot.watchlist.api;

import java.time.Instant;
import org.coinpilot.watchlist.domain.WatchlistType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of the watchlist list. */
@Schema(description = "A watchlist without its assets")
public record WatchlistSummary(
        @Schema(description = "Id") long id,
        @Schema(description = "Name") String name,

        @Schema(description = "Description", nullable = true)
        String description,

        @Schema(description = "DEFAULT (system list, read-only for users) or PERSONAL")
        WatchlistType type,

        @Schema(description = "Whether the list is active") boolean active,

        @Schema(description = "Most assets the list may hold")
        int maxAssets,

        @Schema(description = "Display order") int sortOrder,
        @Schema(description = "Assets it holds") long assetCount,
        @Schema(description = "Optimistic-locking version") long version,
        @Schema(description = "Created") Instant createdAt,
        @Schema(description = "Last changed") Instant updatedAt) {}
