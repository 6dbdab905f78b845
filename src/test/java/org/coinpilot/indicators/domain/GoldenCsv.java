package org.coinpilot.indicators.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden CSV written by bench/talib-golden/generate.js: inputs plus TA-Lib's outputs (NaN = no value). Series with
 * candle times carry {@code time} (open time, epoch seconds) and {@code interval} columns, the VWAP family's reference
 * values, and may have unknown volumes (empty cells, read as NaN).
 */
record GoldenCsv(String series, Candles candles, Map<String, double[]> columns) {

    static final List<String> SERIES = List.of(
            "random_walk",
            "large_price",
            "small_price",
            "flat",
            "zero_volume_hl",
            "sessions_1h",
            "sessions_1d",
            "sessions_1w",
            "unknown_volume_1h");

    static GoldenCsv load(String series) {
        String resource = "/indicators/golden/" + series + ".csv";
        try (InputStream in = GoldenCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",", -1);
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                double[] row = new double[header.length];
                for (int j = 0; j < header.length; j++) {
                    row[j] = cells[j].isEmpty() ? Double.NaN : Double.parseDouble(cells[j]);
                }
                rows.add(row);
            }
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (int j = 0; j < header.length; j++) {
                double[] col = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    col[i] = rows.get(i)[j];
                }
                cols.put(header[j], col);
            }
            Candles c = new Candles(
                    cols.remove("open"),
                    cols.remove("high"),
                    cols.remove("low"),
                    cols.remove("close"),
                    cols.remove("volume"));
            double[] time = cols.remove("time");
            double[] interval = cols.remove("interval");
            if (time != null) {
                long[] seconds = new long[time.length];
                for (int i = 0; i < time.length; i++) {
                    seconds[i] = (long) time[i];
                }
                c = c.withTimes(seconds, (long) interval[0]);
            }
            cols.remove("bar");
            return new GoldenCsv(series, c, cols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column name {@code key} or {@code key.output} → the indicator key. */
    static String keyOf(String column) {
        int dot = column.indexOf('.', column.startsWith("bb_") ? column.lastIndexOf('_') + 1 : 0);
        // bb keys may contain a decimal point in k (bb_10_1.5.upper): the output is after the last dot
        if (column.startsWith("bb_")) {
            return column.substring(0, column.lastIndexOf('.'));
        }
        return dot < 0 ? column : column.substring(0, dot);
    }

    /** Whether some candle's volume is unknown (NaN). */
    boolean hasUnknownVolume() {
        for (double v : candles.volume()) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    static String outputOf(String column) {
        String key = keyOf(column);
        return column.length() == key.length() ? "value" : column.substring(key.length() + 1);
    }
}
