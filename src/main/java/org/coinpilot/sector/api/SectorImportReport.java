package org.coinpilot.sector.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, asset by asset. */
@Schema(description = "What an import of CoinGecko categories did, asset by asset")
public record SectorImportReport(
        @Schema(description = "Assets given sectors") int imported,

        @Schema(description = "Assets left as they were (already mapped, no matching sector, no CoinGecko id)")
        int skipped,

        @Schema(description = "Assets whose CoinGecko call failed (their sectors are unchanged)")
        int failed,

        @Schema(description = "One entry per asset") List<Item> items) {

    /** One asset's outcome. */
    @Schema(description = "One asset's outcome")
    public record Item(
            @Schema(description = "Asset symbol") String symbol,

            @Schema(
                    description = "IMPORTED, ALREADY_MAPPED, NO_MATCHING_SECTOR, NO_COINGECKO_ID, UNKNOWN_ASSET or"
                            + " FAILED")
            String status,

            @Schema(description = "Sector names given, primary first")
            List<String> sectors,

            @Schema(description = "CoinGecko categories no sector matches")
            List<String> unmatchedCategories,

            @Schema(description = "Why the call failed", nullable = true)
            String error) {}
}
