package org.coinpilot.indicators.api;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The values of one indicator at one candle. */
@Schema(description = "The values of one indicator at one candle")
public record IndicatorPoint(
        @Schema(description = "Open time of the candle (UTC)", examples = "2024-01-01T00:00:00Z")
        Instant time,

        @Schema(
                description = "Value per output (`value`, or e.g. `value`/`signal`/`histogram` for MACD);"
                        + " null where the warm-up is not satisfied. Plain JSON numbers (doubles)",
                additionalProperties = IndicatorPoint.Value.class)
        Map<String, Double> values,

        @Schema(description = "Whether every output has a value at this candle (never an invented number)")
        boolean warmupSatisfied) {

    /** The schema of one value of {@link #values()}: a JSON number, or null before the warm-up is satisfied. */
    @Schema(
            name = "IndicatorValue",
            description = "A value, or null where the warm-up is not satisfied",
            type = SchemaType.NUMBER,
            format = "double",
            nullable = true)
    interface Value {}
}
