package org.coinpilot.macro.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.coinpilot.macro.domain.SeriesDay.Indicator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value of a macro indicator. */
@Schema(description = "One value of a macro indicator; days without a value (holidays) are absent")
public record MacroIndicatorResponse(
        @Schema(description = "Indicator name, e.g. VIX") String name,
        @Schema(description = "Timeframe, 1d") String timeframe,
        @Schema(description = "Day of the value") LocalDate date,
        @Schema(description = "The value") BigDecimal value,

        @Schema(description = "Where it came from: fred, import, api, …")
        String source) {

    public static MacroIndicatorResponse of(Indicator i) {
        return new MacroIndicatorResponse(i.name(), i.timeframe(), i.day(), i.value(), i.source());
    }
}
