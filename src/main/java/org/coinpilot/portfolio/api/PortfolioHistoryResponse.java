package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The book's value at the end of each UTC day, for charts. */
@Schema(description = "Daily values of the book (catalogue assets, stored daily closes)")
public record PortfolioHistoryResponse(
        @Schema(description = "First day") LocalDate from,
        @Schema(description = "Last day (inclusive)") LocalDate to,

        @Schema(description = "Value at the end of the day before from, USD")
        BigDecimal startValueUsd,

        @Schema(description = "Set when a needed daily close is not stored: the first one missing", nullable = true)
        String unavailableReason,

        @Schema(description = "Symbols of positions outside the catalogue, left out")
        List<String> excluded,

        @Schema(description = "One row per day") List<Point> items) {

    public PortfolioHistoryResponse {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One day. */
    @Schema(description = "The book at the end of one day")
    public record Point(
            @Schema(description = "Day (UTC)") LocalDate date,

            @Schema(description = "Value at its end, USD", nullable = true)
            BigDecimal valueUsd,

            @Schema(description = "Net flow into the book during it, USD")
            BigDecimal netFlowUsd,

            @Schema(description = "Start value + flows so far, USD")
            BigDecimal investedUsd) {}
}
