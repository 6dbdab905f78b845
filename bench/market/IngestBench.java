import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Ingest rows/s of CandleRepository's bulk upsert (its exact SQL, read from the source file, bound with the same
 * ten array parameters) against COPY of the same rows into the same table (the real price_data schema from the
 * Flyway migrations V001, V003 and V060: same indexes, constraints, FK and trigger), in one run on one database.
 * Rows carry USD, base and quote volume, as ingestion writes them since V060.
 *
 * <p>Run with bench/market/ingest.sh. Settings (system properties): rows (default 200000), series (200),
 * rounds (3), batches (comma list of upsert batch sizes, default 1000,5000).
 */
public class IngestBench {

    static final Path ROOT = Path.of(System.getProperty("root", "."));

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("url", "jdbc:postgresql://localhost:5432/bench?prepareThreshold=1");
        String user = System.getProperty("user", "bench");
        String password = System.getProperty("password", "bench");
        int rows = Integer.getInteger("rows", 200_000);
        int series = Integer.getInteger("series", 200);
        int rounds = Integer.getInteger("rounds", 3);
        List<Integer> batches = new ArrayList<>();
        for (String b : System.getProperty("batches", "1000,5000").split(",")) {
            batches.add(Integer.parseInt(b.trim()));
        }
        String upsert = upsertSql();
        String upsertNoReturning = upsert.replaceFirst("(?s)WITH up AS \\(\\s*", "")
                .replaceFirst("(?s)\\s*RETURNING \\(xmax = 0\\) AS inserted\\s*\\).*$", "");

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(true);
            schema(c, series);
            Candle[] data = generate(rows, series);
            String csv = csv(data);
            System.out.printf(Locale.ROOT, "rows=%d series=%d rounds=%d (%d candles per series)%n", rows, series,
                    rounds, rows / series);
            System.out.println("upsert SQL (from CandleRepository.UPSERT):\n" + upsert);

            // warm-up: one of each, not reported
            truncate(c);
            upsertAll(c, upsert, data, batches.get(0));
            truncate(c);
            copy(c, csv);

            List<String> names = new ArrayList<>();
            List<double[]> results = new ArrayList<>();
            names.add("COPY (one stream, all rows)");
            for (int b : batches) {
                names.add("upsert, batch " + b + " (fresh rows)");
            }
            names.add("upsert without RETURNING/count, batch " + batches.get(0) + " (fresh rows)");
            names.add("upsert, batch " + batches.get(0) + " (same rows again: unchanged, no write)");
            names.add("upsert, batch " + batches.get(0) + " (changed close: updates)");
            for (int i = 0; i < names.size(); i++) {
                results.add(new double[rounds]);
            }
            Candle[] changed = changed(data);
            for (int r = 0; r < rounds; r++) {
                int k = 0;
                truncate(c);
                results.get(k++)[r] = rate(rows, () -> copy(c, csv));
                for (int b : batches) {
                    truncate(c);
                    results.get(k++)[r] = rate(rows, () -> upsertAll(c, upsert, data, b));
                }
                truncate(c);
                results.get(k++)[r] = rate(rows, () -> upsertAll(c, upsertNoReturning, data, batches.get(0)));
                results.get(k++)[r] = rate(rows, () -> upsertAll(c, upsert, data, batches.get(0)));
                results.get(k++)[r] = rate(rows, () -> upsertAll(c, upsert, changed, batches.get(0)));
            }
                        System.out.println();
            System.out.println("| variant | rows/s per round | median rows/s | ratio to COPY per round | median ratio |");
            System.out.println("| --- | --- | --- | --- | --- |");
            for (int i = 0; i < names.size(); i++) {
                StringBuilder per = new StringBuilder();
                for (double v : results.get(i)) {
                    per.append(per.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", v));
                }
                double[] ratio = new double[rounds];
                StringBuilder ratios = new StringBuilder();
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = results.get(i)[r] / results.get(0)[r];
                    ratios.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratio[r]));
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %s | %.2f |%n", names.get(i), per,
                        median(results.get(i)), ratios, median(ratio));
            }
            truncate(c);
        }
    }

    record Candle(long cryptoId, Instant time, String o, String h, String l, String c, String v, String bv, String qv) {}

    interface Body {
        void run() throws Exception;
    }

    static double rate(int rows, Body body) throws Exception {
        long t0 = System.nanoTime();
        body.run();
        return rows / ((System.nanoTime() - t0) / 1e9);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The text block of {@code CandleRepository.UPSERT}, with {@code $n} turned into JDBC {@code ?}. */
    static String upsertSql() throws Exception {
        String src = Files.readString(
                ROOT.resolve("src/main/java/org/coinpilot/market/persistence/CandleRepository.java"));
        Matcher m = Pattern.compile("(?s)String UPSERT = \"\"\"\\n(.*?)\"\"\";").matcher(src);
        if (!m.find()) {
            throw new IllegalStateException("UPSERT not found in CandleRepository.java");
        }
        String sql = m.group(1).stripIndent();
        Matcher p = Pattern.compile("\\$(\\d+)").matcher(sql);
        int expected = 1;
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            if (Integer.parseInt(p.group(1)) != expected++) {
                throw new IllegalStateException("parameters out of order");
            }
            p.appendReplacement(out, "?");
        }
        p.appendTail(out);
        return out.toString();
    }

    static void schema(Connection c, int series) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
            for (String f : List.of(
                    "V001__common_functions.sql", "V003__market_assets_candles.sql", "V060__market_base_volume.sql")) {
                if (f.startsWith("V060")) {
                    // V060 also replaces V040's trigger function, which this schema does not have: its column part
                    String sql = Files.readString(ROOT.resolve("src/main/resources/db/migration/" + f));
                    s.execute(sql.substring(0, sql.indexOf("CREATE OR REPLACE FUNCTION")));
                    continue;
                }
                s.execute(Files.readString(ROOT.resolve("src/main/resources/db/migration/" + f)));
            }
            s.execute("INSERT INTO cryptocurrencies (symbol, name) SELECT 'B' || g, 'Bench ' || g"
                    + " FROM generate_series(1, " + series + ") g");
        }
    }

    static void truncate(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE price_data");
            s.execute("CHECKPOINT");
        }
    }

    /** A seeded random walk per series, 1h candles, decimals as the app sends them (plain strings). */
    static Candle[] generate(int rows, int series) {
        Random rnd = new Random(42);
        int per = rows / series;
        Candle[] out = new Candle[per * series];
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        int i = 0;
        for (long id = 1; id <= series; id++) {
            double price = 100 + rnd.nextDouble() * 30_000;
            for (int k = 0; k < per; k++) {
                double open = price;
                double close = open * Math.exp(rnd.nextGaussian() * 0.008);
                double high = Math.max(open, close) * (1 + Math.abs(rnd.nextGaussian()) * 0.003);
                double low = Math.min(open, close) * (1 - Math.abs(rnd.nextGaussian()) * 0.003);
                double base = 10 + rnd.nextDouble() * 1000;
                double quote = base * (high + low + close) / 3;
                out[i++] = new Candle(id, start.plus(k, ChronoUnit.HOURS), dec(open, 8), dec(high, 8), dec(low, 8),
                        dec(close, 8), dec(quote, 2), dec(base, 8), dec(quote, 8));
                price = close;
            }
        }
        return out;
    }

    static Candle[] changed(Candle[] data) {
        Candle[] out = new Candle[data.length];
        for (int i = 0; i < data.length; i++) {
            Candle d = data[i];
            out[i] = new Candle(d.cryptoId, d.time, d.o, d.h, d.l, d.l, d.v, d.bv, d.qv); // close moved to low: valid
        }
        return out;
    }

    static String dec(double v, int scale) {
        return new BigDecimal(Double.toString(v)).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String csv(Candle[] data) {
        StringBuilder sb = new StringBuilder(data.length * 120);
        for (Candle d : data) {
            sb.append(d.cryptoId).append(",1h,").append(d.time).append(',').append(d.o).append(',').append(d.h)
                    .append(',').append(d.l).append(',').append(d.c).append(',').append(d.v).append(',').append(d.bv)
                    .append(',').append(d.qv).append('\n');
        }
        return sb.toString();
    }

    static void copy(Connection c, String csv) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price,"
                + " close_price, volume, base_volume, quote_volume) FROM STDIN (FORMAT csv)", new StringReader(csv));
    }

    /** In time order per series, {@code batch} rows per statement (1000 = one ingestion page = one series here). */
    static void upsertAll(Connection c, String sql, Candle[] data, int batch) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            while (i < data.length) {
                int end = Math.min(data.length, i + batch);
                int n = end - i;
                Long[] ids = new Long[n];
                String[] tf = new String[n];
                String[] times = new String[n];
                String[] o = new String[n], h = new String[n], l = new String[n], cl = new String[n],
                        v = new String[n], bv = new String[n], qv = new String[n];
                for (int k = 0; k < n; k++) {
                    Candle d = data[i + k];
                    ids[k] = d.cryptoId;
                    tf[k] = "1h";
                    times[k] = d.time.toString();
                    o[k] = d.o;
                    h[k] = d.h;
                    l[k] = d.l;
                    cl[k] = d.c;
                    v[k] = d.v;
                    bv[k] = d.bv;
                    qv[k] = d.qv;
                }
                Array[] arrays = {c.createArrayOf("int8", ids), c.createArrayOf("text", tf),
                    c.createArrayOf("timestamptz", times), c.createArrayOf("text", o), c.createArrayOf("text", h),
                    c.createArrayOf("text", l), c.createArrayOf("text", cl), c.createArrayOf("text", v),
                    c.createArrayOf("text", bv), c.createArrayOf("text", qv)};
                for (int p = 0; p < arrays.length; p++) {
                    ps.setArray(p + 1, arrays[p]);
                }
                if (sql.contains("RETURNING")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                } else {
                    ps.executeUpdate();
                }
                i = end;
            }
        }
    }
}
