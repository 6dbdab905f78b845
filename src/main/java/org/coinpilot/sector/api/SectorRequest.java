package org.coinpilot.sector.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or fully update a sector (admin). */
@Schema(description = "A sector as an admin enters it")
public record SectorRequest(
        @NotBlank
        @Size(max = 100)
        @Schema(description = "Unique name (any case)", examples = "Decentralized Finance (DeFi)", maxLength = 100)
        String name,

        @Size(max = 100)
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case words of a-z and 0-9 joined by -")
        @Schema(
                description = "Unique key for URLs and the catalogue's ?sector= filter; default on create: derived from"
                        + " the name (lower case, other characters become -); on update: kept",
                examples = "decentralized-finance-defi",
                maxLength = 100,
                nullable = true)
        String slug,

        @Size(max = 5000) @Schema(description = "Description", maxLength = 5000, nullable = true)
        String description,

        @Size(max = 50)
        @Schema(
                description = "Defining features, free-form; the key coingeckoCategories (array of names) adds"
                        + " CoinGecko categories that map to this sector on import, besides its name",
                nullable = true)
        Map<String, Object> characteristics,

        @Schema(description = "Tracked by the performance and rotation jobs (default true)", nullable = true)
        Boolean active) {}
