package org.coinpilot.portfolio.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.coinpilot.portfolio.domain.InvestmentTimeframe;
import org.coinpilot.portfolio.domain.RiskCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a position's plan; absent fields are kept. Quantities and prices change only through trade actions. */
@Schema(description = "Changes to a position's plan; absent fields are kept")
public record PatchPositionRequest(
        @Size(max = 50) @Schema(description = "External asset description (external positions only)")
        Map<String, Object> externalAssetInfo,

        @DecimalMin("1") @Digits(integer = 6, fraction = 4) @Schema(description = "Leverage, at least 1")
        BigDecimal leverageRatio,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        @Schema(description = "Target share, percent")
        BigDecimal allocationTargetPercent,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        @Schema(description = "Maximum share, percent")
        BigDecimal maxAllocationPercent,

        @Size(max = 5000) @Schema(description = "Investment rationale")
        String investmentThesis,

        @Schema(description = "SHORT_TERM, MEDIUM_TERM or LONG_TERM")
        InvestmentTimeframe investmentTimeframe,

        @Schema(description = "CONSERVATIVE, MODERATE or AGGRESSIVE")
        RiskCategory riskCategory,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Stop-loss price")
        BigDecimal stopLossPrice,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Take-profit price")
        BigDecimal takeProfitPrice,

        @Min(0) @Schema(description = "The version you read; a different current version is a 409 STALE_VERSION")
        Long version) {}
