package org.coinpilot.market.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or fully update a catalogue asset (admin). */
@Schema(description = "An asset as an admin enters it")
public record AssetRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a symbol such as BTC")
        @Schema(description = "Symbol, case-sensitive; ignored on update", examples = "BTC")
        String symbol,

        @NotBlank @Size(max = 128) @Schema(description = "Name", examples = "Bitcoin")
        String name,

        @Schema(description = "Provider ids") Map<String, Object> externalIds,

        @Size(max = 20_000) @Schema(description = "Description")
        String description,

        @Size(max = 2000) @Schema(description = "Logo URL") String logoUrl,
        @Schema(description = "Related links") Map<String, Object> links,
        @Schema(description = "Listed (default true)") Boolean active,

        @Schema(description = "Ingest and analyse its candles (default false)")
        Boolean supported) {}
