package org.coinpilot.sector.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces an asset's sectors (admin). */
@Schema(description = "All sectors of an asset: allocations sum to at most 100, exactly one primary (none: no sector)")
public record AssetSectorsRequest(
        @NotNull @Size(max = 20) @Schema(description = "The sectors; empty removes all", maxItems = 20)
        List<@NotNull @Valid AllocationRequest> sectors) {}
