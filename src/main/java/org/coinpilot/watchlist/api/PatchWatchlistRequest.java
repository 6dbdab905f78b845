package org.coinpilot.watchlist.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a watchlist; absent fields are kept. */
@Schema(description = "Changes to a watchlist; absent fields are kept")
public record PatchWatchlistRequest(
        @Size(min = 1, max = 100)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "New name")
        String name,

        @Size(max = 2000) @Schema(description = "New description (empty clears it)")
        String description,

        @Min(1) @Max(10_000) @Schema(description = "Most assets; not below the number it holds")
        Integer maxAssets,

        @Min(0) @Max(1_000_000) @Schema(description = "Display order among the owner's lists")
        Integer sortOrder,

        @Schema(description = "Switch the list on or off") Boolean active,

        @Min(0) @Schema(description = "The version you read; a different current version is a 409 STALE_VERSION")
        Long version) {}
