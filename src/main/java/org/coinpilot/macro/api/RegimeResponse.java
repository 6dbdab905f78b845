package org.coinpilot.macro.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.domain.SeriesDay.Regime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The market regime of one day. */
@Schema(description = "The market regime of one day, from data known at its end (docs/macro.md)")
public record RegimeResponse(
        @Schema(description = "UTC day classified") LocalDate date,
        @Schema(description = "BULL, BEAR or SIDEWAYS") MarketRegime regime,
        @Schema(description = "0-1") BigDecimal confidence,
        @Schema(description = "The inputs of the rules") Map<String, Object> indicators,

        @Schema(description = "method, score, previousRegime, thresholds, each rule's vote, explanation")
        Map<String, Object> analysisData) {

    public static RegimeResponse of(Regime r) {
        return new RegimeResponse(r.day(), r.regime(), r.confidence(), r.indicators(), r.analysisData());
    }
}
