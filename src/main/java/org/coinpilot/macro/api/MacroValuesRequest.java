package org.coinpilot.macro.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Daily values of one macro indicator, posted by an admin or a service client. */
@Schema(description = "Daily values of one macro indicator; a day posted again replaces its value")
public record MacroValuesRequest(
        @NotNull
        @NotEmpty
        @Size(max = 1000)
        @Schema(
                description = "The values, at most 1000 days; leave holidays out (never send 0 for them)",
                maxItems = 1000)
        List<@Valid @NotNull Value> values,

        @Size(max = 64)
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be lower-case letters, digits, '.', '_' or '-'")
        @Schema(description = "Where the values come from (default api)", maxLength = 64, examples = "my-feed")
        String source) {

    /** One day's value. */
    @Schema(description = "One day's value")
    public record Value(
            @NotNull @Schema(description = "The day", examples = "2024-03-15")
            LocalDate date,

            @NotNull
            @DecimalMin(value = "-1e20")
            @DecimalMax(value = "1e20")
            @Schema(description = "The value (decimal)", examples = "14.25")
            BigDecimal value) {}
}
