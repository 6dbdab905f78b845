package org.coinpilot.macro.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome of a macro series import. */
@Schema(description = "Outcome of a macro series import; importing the same rows again changes nothing")
public record MacroImportReport(
        @Schema(description = "Data rows received (header lines excluded)")
        int received,

        @Schema(description = "Days newly stored") long inserted,

        @Schema(description = "Stored days whose values changed")
        long updated,

        @Schema(description = "Valid rows identical to what was stored")
        long unchanged,

        @Schema(description = "Rows with a day but no value (e.g. a market holiday): not stored, never zero")
        int absent,

        @Schema(description = "Rows not imported, with the reason")
        List<RejectedRow> rejected) {

    public MacroImportReport {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** A row that was not imported. */
    @Schema(description = "A row that was not imported")
    public record RejectedRow(
            @Schema(description = "1-based data row number in the body (header lines excluded)")
            int row,

            @Schema(description = "Why it was rejected") String reason) {}
}
