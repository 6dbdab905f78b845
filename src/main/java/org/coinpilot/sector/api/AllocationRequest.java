package org.coinpilot.sector.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One sector of an asset. */
@Schema(description = "One sector of an asset, with the share of the asset allocated to it")
public record AllocationRequest(
        @NotNull @Positive @Schema(description = "Sector id", examples = "3")
        Long sectorId,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
        @DecimalMax(value = "100", message = "must be at most 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals")
        @Schema(description = "Percent of the asset in this sector, (0, 100], at most 4 decimals", examples = "60")
        BigDecimal allocationPercentage,

        @NotNull @Schema(description = "The asset's primary sector (exactly one per asset)")
        Boolean primary) {}
