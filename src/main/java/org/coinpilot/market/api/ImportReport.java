package org.coinpilot.market.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome of a candle import. */
@Schema(description = "Outcome of a candle import; importing the same rows again changes nothing")
public record ImportReport(
        @Schema(description = "Rows received") int received,
        @Schema(description = "Candles newly stored") long inserted,

        @Schema(description = "Stored candles whose values changed")
        long updated,

        @Schema(description = "Valid rows identical to what was stored")
        long unchanged,

        @Schema(description = "Rows not imported, with the reason")
        List<RejectedRow> rejected) {

    /** A row that was not imported. */
    @Schema(description = "A row that was not imported")
    public record RejectedRow(
            @Schema(description = "1-based row number in the body (CSV: data rows, header excluded)")
            int row,

            @Schema(description = "Why it was rejected") String reason) {}
}
