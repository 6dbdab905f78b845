package org.coinpilot.watchlist.api;

import java.time.Instant;
import org.coinpilot.watchlist.domain.MarketView;
import org.coinpilot.watchlist.domain.PositionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset of a watchlist with its market data. */
@Schema(description = "An asset of a watchlist with its market data")
public record WatchlistAssetResponse(
        @Schema(description = "Asset symbol") String symbol,
        @Schema(description = "Asset name") String name,

        @Schema(description = "LONG or SHORT, when set", nullable = true)
        PositionType positionType,

        @Schema(description = "Place in the list, from 0") int position,
        @Schema(description = "Notes", nullable = true) String notes,
        @Schema(description = "Whether the entry is active") boolean active,
        @Schema(description = "User id of who added it") Long addedBy,

        @Schema(description = "User id of who changed it last")
        Long lastModifiedBy,

        @Schema(description = "When it was added") Instant addedAt,
        @Schema(description = "When it was last changed") Instant updatedAt,

        @Schema(description = "Market data", nullable = true)
        WatchlistMarket market) {

    public static WatchlistAssetResponse of(
            String symbol,
            String name,
            PositionType positionType,
            int position,
            String notes,
            boolean active,
            Long addedBy,
            Long lastModifiedBy,
            Instant addedAt,
            Instant updatedAt,
            MarketView market) {
        return new WatchlistAssetResponse(
                symbol,
                name,
                positionType,
                position,
                notes,
                active,
                addedBy,
                lastModifiedBy,
                addedAt,
                updatedAt,
                WatchlistMarket.of(market));
    }
}
