package org.coinpilot.watchlist.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new watchlist: personal (users) or system default (admins). */
@Schema(description = "A new watchlist")
public record CreateWatchlistRequest(
        @NotBlank @Size(max = 100) @Schema(description = "Name, unique per owner (any case)", examples = "Majors")
        String name,

        @Size(max = 2000) @Schema(description = "What the list is for")
        String description,

        @Min(1)
        @Max(10_000)
        @Schema(
                description =
                        "Most assets the list may hold (default 50; at most coinpilot.watchlist.max-assets-limit)")
        Integer maxAssets,

        @Min(0) @Max(1_000_000) @Schema(description = "Display order among the owner's lists (default: last)")
        Integer sortOrder,

        @Schema(description = "Whether the list is active (default true)")
        Boolean active) {}
