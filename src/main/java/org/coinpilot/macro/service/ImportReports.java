package org.coinpilot.macro.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.coinpilot.macro.api.MacroImportReport;
import org.coinpilot.macro.domain.MacroCsv;
import org.coinpilot.macro.domain.SeriesDay.Upserted;

/** Shared pieces of the CSV imports. */
final class ImportReports {

    private ImportReports() {}

    static MacroImportReport of(MacroCsv.Parsed parsed, Upserted upserted) {
        long valid = parsed.values().size();
        return new MacroImportReport(
                parsed.received(),
                upserted.inserted(),
                upserted.updated(),
                valid - upserted.inserted() - upserted.updated(),
                parsed.absent(),
                parsed.rejected().stream()
                        .map(r -> new MacroImportReport.RejectedRow(r.row(), r.reason()))
                        .toList());
    }

    static LocalDate[] days(List<MacroCsv.Value> values) {
        return values.stream().map(MacroCsv.Value::day).toArray(LocalDate[]::new);
    }

    static String[] texts(List<MacroCsv.Value> values) {
        return values.stream().map(v -> v.value().toPlainString()).toArray(String[]::new);
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static LocalDate first(List<MacroCsv.Value> values) {
        return values.stream()
                .map(MacroCsv.Value::day)
                .min(LocalDate::compareTo)
                .orElse(null);
    }
}
