package org.coinpilot.macro.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.macro.api.MacroImportReport;
import org.coinpilot.macro.api.SentimentResponse;
import org.coinpilot.macro.api.SeriesQuery;
import org.coinpilot.macro.client.FearGreedClient;
import org.coinpilot.macro.client.FearGreedClient.FearGreedValue;
import org.coinpilot.macro.domain.MacroCsv;
import org.coinpilot.macro.domain.SeriesDay.Sentiment;
import org.coinpilot.macro.domain.SeriesDay.Upserted;
import org.coinpilot.macro.persistence.SentimentSqlRepository;

/**
 * Market sentiment: the alternative.me Fear &amp; Greed index, one row per day. The first run fetches the whole
 * history ({@code limit=0}), later runs the days since the newest stored one. Days the provider has no value for
 * stay missing (never filled). The label is kept exactly as received. After each write the 7- and 30-day means and
 * the changes of the affected days are recomputed in one statement.
 */
@ApplicationScoped
public class SentimentService {

    static final MacroCsv.Columns CSV_COLUMNS = new MacroCsv.Columns(
            List.of("date", "day"),
            List.of("value", "score", "fear_greed_index", "fng_value"),
            List.of("classification", "rating", "value_classification", "fng_classification"));

    private final SentimentSqlRepository repository;
    private final FearGreedClient client;
    private final Transactions tx;
    private final Clock clock;
    private final MacroOverviewService overview;

    public SentimentService(
            SentimentSqlRepository repository,
            FearGreedClient client,
            Transactions tx,
            Clock clock,
            MacroOverviewService overview) {
        this.overview = overview;
        this.repository = repository;
        this.client = client;
        this.tx = tx;
        this.clock = clock;
    }

    /** The job body: fetch what is missing, upsert, recompute the metrics. */
    public Uni<Map<String, Object>> ingest() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return tx.statement(c -> repository.lastDay(c, FearGreedClient.NAME)).chain(last -> {
            int limit = last == null ? 0 : (int) Math.min(3650, ChronoUnit.DAYS.between(last, today) + 2);
            return client.values(limit).chain(values -> {
                // one value per day (the first the provider lists, i.e. its newest for that day); nothing from the
                // future
                Map<LocalDate, FearGreedValue> byDay = new TreeMap<>();
                for (FearGreedValue v : values) {
                    if (!v.day().isAfter(today)) {
                        byDay.putIfAbsent(v.day(), v);
                    }
                }
                List<FearGreedValue> list = List.copyOf(byDay.values());
                return write(
                                list.stream().map(FearGreedValue::day).toArray(LocalDate[]::new),
                                list.stream()
                                        .map(v -> v.value()
                                                .setScale(2, RoundingMode.HALF_EVEN)
                                                .toPlainString())
                                        .toArray(String[]::new),
                                list.stream()
                                        .map(FearGreedValue::classification)
                                        .toArray(String[]::new),
                                FearGreedClient.NAME)
                        .map(upserted -> {
                            Map<String, Object> result = new LinkedHashMap<>();
                            result.put("fullHistory", last == null);
                            result.put("received", values.size());
                            result.put("inserted", upserted.inserted());
                            result.put("updated", upserted.updated());
                            result.put(
                                    "newestDay",
                                    list.isEmpty()
                                            ? null
                                            : list.get(list.size() - 1).day().toString());
                            return result;
                        });
            });
        });
    }

    /** Admin CSV import in the shapes of the shared files ({@code date,timestamp,value,classification}, …). */
    public Uni<MacroImportReport> importCsv(String body, String provider) {
        String source = provider == null || provider.isBlank() ? FearGreedClient.NAME : provider.trim();
        if (source.length() > 64 || !source.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new BadRequestProblemException(
                    "provider", "query", "must be at most 64 letters, digits, '.', '_' or '-'");
        }
        MacroCsv.Parsed parsed = MacroCsv.parse(body, CSV_COLUMNS, BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
        List<MacroCsv.Value> values = parsed.values();
        return write(
                        ImportReports.days(values),
                        ImportReports.texts(values),
                        values.stream().map(MacroCsv.Value::label).toArray(String[]::new),
                        source.toLowerCase(Locale.ROOT))
                .map(upserted -> ImportReports.of(parsed, upserted));
    }

    private Uni<Upserted> write(LocalDate[] days, String[] values, String[] labels, String provider) {
        if (days.length == 0) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        LocalDate first =
                java.util.Arrays.stream(days).min(LocalDate::compareTo).orElseThrow();
        return tx.sql(c -> repository
                        .upsert(c, days, values, labels, provider)
                        .call(() -> repository.refreshMetrics(c, first)))
                .invoke(overview::invalidate);
    }

    public Uni<CursorPage<SentimentResponse>> history(SeriesQuery query) {
        SeriesPaging.Request request = SeriesPaging.check(query);
        return tx.statement(c -> repository.page(c, request.bounds(), request.newest()))
                .map(rows -> SeriesPaging.page(request, rows, Sentiment::day, Sentiment::id, SentimentResponse::of));
    }
}
