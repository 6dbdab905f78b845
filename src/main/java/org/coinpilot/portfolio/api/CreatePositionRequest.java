package org.coinpilot.portfolio.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.coinpilot.portfolio.domain.AssetType;
import org.coinpilot.portfolio.domain.InvestmentTimeframe;
import org.coinpilot.portfolio.domain.RiskCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new position: a catalogue asset (its symbol) or an external one (symbol and {@code externalAssetInfo}). */
@Schema(description = "A new position; its quantity comes from its trade actions")
public record CreatePositionRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "must be a symbol such as BTC")
        @Schema(description = "Catalogue symbol, or the symbol of an external asset", examples = "BTC")
        String symbol,

        @Size(max = 50)
        @Schema(description = "Present for an asset outside the catalogue: name, venue, identifiers (at most 50 keys)")
        Map<String, Object> externalAssetInfo,

        @NotNull
        @Schema(
                description =
                        "CRYPTO_ASSET, STABLECOIN, LONG_POSITION or SHORT_POSITION (short: gains when the price falls)")
        AssetType assetType,

        @DecimalMin("1")
        @Digits(integer = 6, fraction = 4)
        @Schema(description = "Leverage, at least 1 (default 1: none)", examples = "1")
        BigDecimal leverageRatio,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        @Schema(description = "Target share of the portfolio, percent")
        BigDecimal allocationTargetPercent,

        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 4)
        @Schema(description = "Maximum share of the portfolio, percent (default 10)")
        BigDecimal maxAllocationPercent,

        @Size(max = 5000) @Schema(description = "Investment rationale")
        String investmentThesis,

        @Schema(description = "SHORT_TERM, MEDIUM_TERM or LONG_TERM")
        InvestmentTimeframe investmentTimeframe,

        @Schema(description = "CONSERVATIVE, MODERATE (default) or AGGRESSIVE")
        RiskCategory riskCategory,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Portfolio-level stop-loss price")
        BigDecimal stopLossPrice,

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 20, fraction = 18)
        @Schema(description = "Portfolio-level take-profit price")
        BigDecimal takeProfitPrice) {}
