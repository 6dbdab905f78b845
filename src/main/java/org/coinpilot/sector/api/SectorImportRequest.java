package org.coinpilot.sector.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Import the sectors of some assets from their CoinGecko categories (admin). */
@Schema(description = "Assets whose sectors to import from CoinGecko categories")
public record SectorImportRequest(
        @NotEmpty
        @Size(max = 50)
        @Schema(description = "Asset symbols (their CoinGecko id is the catalogue's)", maxItems = 50)
        List<
                        @NotNull @Size(max = 32)
                        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a symbol such as BTC")
                        String>
                symbols,

        @Schema(
                description = "Replace the sectors of assets that have some (default false: skip them)",
                nullable = true)
        Boolean replace) {}
