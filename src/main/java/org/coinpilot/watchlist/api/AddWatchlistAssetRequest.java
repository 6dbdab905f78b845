package org.coinpilot.watchlist.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coinpilot.watchlist.domain.PositionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset added to a watchlist. */
@Schema(description = "An asset added to a watchlist")
public record AddWatchlistAssetRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a symbol such as BTC")
        @Schema(description = "Asset symbol of the catalogue (case-sensitive)", examples = "BTC")
        String symbol,

        @Schema(description = "LONG or SHORT: the side watched")
        PositionType positionType,

        @Size(max = 2000) @Schema(description = "Why the asset is on the list")
        String notes,

        @Min(0)
        @Max(10_000)
        @Schema(description = "Where to insert it (0 = first); default last. Later entries move down one")
        Integer position,

        @Schema(description = "Whether the entry is active (default true)")
        Boolean active) {}
