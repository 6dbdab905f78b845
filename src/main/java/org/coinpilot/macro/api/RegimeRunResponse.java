package org.coinpilot.macro.api;

import java.time.LocalDate;
import org.coinpilot.macro.domain.MarketRegime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a regime run (job or backfill) classified. */
@Schema(description = "What a regime backfill classified")
public record RegimeRunResponse(
        @Schema(description = "First day of the range") LocalDate from,
        @Schema(description = "Last day of the range") LocalDate to,

        @Schema(description = "Days classified (days without a lead candle or 50 days of history are skipped)")
        int classified,

        @Schema(description = "Days newly stored") long inserted,

        @Schema(description = "Stored days whose classification changed")
        long updated,

        @Schema(description = "Regime of the last day classified")
        MarketRegime lastRegime,

        @Schema(description = "Milliseconds spent reading candles (through market) and macro's series")
        long readMillis,

        @Schema(description = "Milliseconds spent classifying the days")
        long classifyMillis,

        @Schema(description = "Milliseconds spent writing them")
        long writeMillis) {}
