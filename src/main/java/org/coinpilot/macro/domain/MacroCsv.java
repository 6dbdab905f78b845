package org.coinpilot.macro.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the daily CSV files of the macro series (the shapes of the files described in docs/macro.md, "Imports"): a
 * day column and a value column, found by header name or, without a header, the first two columns. A header is a
 * first line whose first field is not a date; a second header line right after it with an empty first field (yfinance's
 * {@code ,GC=F,GC=F,…}) is skipped too. Rows are numbered 1, 2, … from the first data row (headers excluded). A row
 * whose value is empty is a day without a value (a market holiday): absent, never zero.
 */
public final class MacroCsv {

    /** A valid row. {@code label} is the optional third column (a provider's classification), as received. */
    public record Value(int row, LocalDate day, BigDecimal value, String label) {}

    /** A row that was not imported, and why. */
    public record Rejected(int row, String reason) {}

    /** The outcome of reading a body. */
    public record Parsed(int received, List<Value> values, int absent, List<Rejected> rejected) {}

    /** Which columns to read: header names tried in order (lower case). */
    public record Columns(List<String> day, List<String> value, List<String> label) {}

    private MacroCsv() {}

    /**
     * Parses {@code body}. Values must lie in [{@code min}, {@code max}] (null: unbounded) and are rounded HALF_EVEN to
     * {@code scale} decimals; a day appearing twice keeps its first row (the later is rejected).
     */
    public static Parsed parse(String body, Columns columns, BigDecimal min, BigDecimal max, int scale) {
        List<String> lines = body == null ? List.of() : body.lines().toList();
        int dayIndex = 0;
        int valueIndex = 1;
        int labelIndex = -1;
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start < lines.size() && parseDay(split(lines.get(start))[0]) == null) {
            String[] header = split(lines.get(start));
            Map<String, Integer> names = new TreeMap<>();
            for (int i = 0; i < header.length; i++) {
                names.putIfAbsent(header[i].trim().toLowerCase(Locale.ROOT), i);
            }
            dayIndex = find(names, columns.day(), 0);
            valueIndex = find(names, columns.value(), 1);
            labelIndex = columns.label() == null ? -1 : find(names, columns.label(), -1);
            start++;
            if (start < lines.size() && split(lines.get(start))[0].isBlank()) {
                start++; // yfinance's second header line
            }
        } else if (columns.label() != null) {
            labelIndex = 2;
        }
        List<Value> values = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        int absent = 0;
        int row = 0;
        for (int l = start; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            row++;
            String[] f = split(line);
            if (f.length <= Math.max(dayIndex, valueIndex)) {
                if (f.length == Math.max(dayIndex, valueIndex)
                        && valueIndex > dayIndex
                        && parseDay(f[dayIndex]) != null) {
                    absent++; // "2024-01-01," : no value that day
                    continue;
                }
                rejected.add(
                        new Rejected(row, "expected at least " + (Math.max(dayIndex, valueIndex) + 1) + " fields"));
                continue;
            }
            LocalDate day = parseDay(f[dayIndex]);
            if (day == null) {
                rejected.add(new Rejected(row, "date: not a YYYY-MM-DD day or an ISO-8601 instant"));
                continue;
            }
            String text = f[valueIndex].trim();
            if (text.isEmpty()) {
                absent++;
                continue;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text).setScale(scale, RoundingMode.HALF_EVEN);
            } catch (NumberFormatException | ArithmeticException e) {
                rejected.add(new Rejected(row, "value: not a decimal number"));
                continue;
            }
            if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                rejected.add(new Rejected(
                        row,
                        "value: must be between " + (min == null ? "-∞" : min.toPlainString()) + " and "
                                + (max == null ? "∞" : max.toPlainString())));
                continue;
            }
            if (!seen.add(day)) {
                rejected.add(new Rejected(row, "duplicate date " + day));
                continue;
            }
            String label =
                    labelIndex >= 0 && labelIndex < f.length && !f[labelIndex].isBlank() ? f[labelIndex].trim() : null;
            values.add(new Value(row, day, value, label));
        }
        return new Parsed(row, values, absent, rejected);
    }

    /** {@code YYYY-MM-DD} or an ISO-8601 instant (its UTC day); null otherwise. */
    public static LocalDate parseDay(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.ofInstant(Instant.parse(t), ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static int find(Map<String, Integer> names, List<String> candidates, int fallback) {
        for (String c : candidates) {
            Integer i = names.get(c);
            if (i != null) {
                return i;
            }
        }
        return fallback;
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }
}
