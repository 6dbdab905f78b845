package org.coinpilot.watchlist.api;

import jakarta.validation.constraints.Size;
import org.coinpilot.watchlist.domain.PositionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to an entry of a watchlist; absent fields are kept. Order changes go through the order endpoint. */
@Schema(description = "Changes to a watchlist entry; absent fields are kept")
public record PatchWatchlistAssetRequest(
        @Schema(description = "LONG or SHORT") PositionType positionType,

        @Size(max = 2000) @Schema(description = "Notes (empty clears them)")
        String notes,

        @Schema(description = "Switch the entry on or off") Boolean active) {}
