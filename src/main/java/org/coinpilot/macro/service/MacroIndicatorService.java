package org.coinpilot.macro.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.problem.UpstreamUnavailableException;
import org.coinpilot.macro.api.MacroImportReport;
import org.coinpilot.macro.api.MacroIndicatorResponse;
import org.coinpilot.macro.api.MacroValuesRequest;
import org.coinpilot.macro.api.SeriesQuery;
import org.coinpilot.macro.client.MacroIndicatorProvider;
import org.coinpilot.macro.config.MacroConfig;
import org.coinpilot.macro.domain.MacroCsv;
import org.coinpilot.macro.domain.SeriesDay.Indicator;
import org.coinpilot.macro.domain.SeriesDay.Upserted;
import org.coinpilot.macro.persistence.MacroIndicatorSqlRepository;

/**
 * Macro indicators (VIX, DXY, S&amp;P 500, US10Y, US2Y, gold, …), daily values per name. Three ways in: the configured
 * {@link MacroIndicatorProvider} (job), values posted through the API (admin and service clients), CSV import. A day
 * without a value (a market holiday) has no row: nothing is ever stored as zero for it.
 */
@ApplicationScoped
public class MacroIndicatorService {

    public static final String TIMEFRAME = "1d";
    static final String NAME_PATTERN = "[A-Z0-9][A-Z0-9._-]{0,63}";
    static final MacroCsv.Columns CSV_COLUMNS = new MacroCsv.Columns(
            List.of("date", "day", "observation_date"), List.of("value", "close", "gold_price", "price"), null);
    static final BigDecimal LIMIT = new BigDecimal("1e20");

    private final MacroIndicatorSqlRepository repository;
    private final Instance<MacroIndicatorProvider> providers;
    private final MacroConfig config;
    private final Transactions tx;
    private final Clock clock;
    private final MacroOverviewService overview;

    public MacroIndicatorService(
            MacroIndicatorSqlRepository repository,
            Instance<MacroIndicatorProvider> providers,
            MacroConfig config,
            Transactions tx,
            Clock clock,
            MacroOverviewService overview) {
        this.overview = overview;
        this.repository = repository;
        this.providers = providers;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
    }

    /** Values posted through the API; a day posted again replaces its value. */
    public Uni<MacroImportReport> record(String name, MacroValuesRequest request) {
        String indicator = name(name);
        Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
        List<MacroImportReport.RejectedRow> rejected = new ArrayList<>();
        for (int i = 0; i < request.values().size(); i++) {
            MacroValuesRequest.Value v = request.values().get(i);
            if (byDay.putIfAbsent(v.date(), v.value().setScale(18, RoundingMode.HALF_EVEN)) != null) {
                throw new BadRequestProblemException("values[" + i + "].date", "body", "duplicate date " + v.date());
            }
        }
        String source = request.source() == null ? "api" : request.source();
        LocalDate[] days = byDay.keySet().toArray(LocalDate[]::new);
        String[] values = byDay.values().stream().map(BigDecimal::toPlainString).toArray(String[]::new);
        return tx.statement(c -> repository.upsert(c, indicator, TIMEFRAME, days, values, source))
                .invoke(overview::invalidate)
                .map(u -> new MacroImportReport(
                        request.values().size(),
                        u.inserted(),
                        u.updated(),
                        days.length - u.inserted() - u.updated(),
                        0,
                        rejected));
    }

    /** Admin CSV import: {@code date,value} (FRED), {@code Date,Close,…} (Yahoo), no header ({@code day,close}). */
    public Uni<MacroImportReport> importCsv(String name, String body) {
        String indicator = name(name);
        MacroCsv.Parsed parsed = MacroCsv.parse(body, CSV_COLUMNS, LIMIT.negate(), LIMIT, 18);
        List<MacroCsv.Value> values = parsed.values();
        return tx.statement(c -> repository.upsert(
                        c,
                        indicator,
                        TIMEFRAME,
                        ImportReports.days(values),
                        values.stream()
                                .map(v -> v.value().stripTrailingZeros().toPlainString())
                                .toArray(String[]::new),
                        "import"))
                .invoke(overview::invalidate)
                .map(u -> ImportReports.of(parsed, u));
    }

    /**
     * The job body: every indicator of the configured provider, from the day after its newest stored value (or
     * {@code history-days} back). One indicator failing does not stop the others; the run fails afterwards naming
     * the ones that failed (the task record shows it, the calls are in external_api_logs), and their last good values
     * stay in place.
     */
    public Uni<Map<String, Object>> ingest() {
        return ingest(config.indicators().provider());
    }

    /** {@link #ingest()} with the provider named (a manual run may choose it; {@code none} or {@code fred}). */
    public Uni<Map<String, Object>> ingest(String chosen) {
        if (!chosen.matches("none|fred")) {
            return Uni.createFrom()
                    .failure(new BadRequestProblemException("provider", "params", "must be none or fred"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("provider", chosen);
        if (chosen.equals("none")) {
            result.put("skipped", "no provider configured (coinpilot.macro.indicators.provider=none)");
            return Uni.createFrom().item(result);
        }
        MacroIndicatorProvider provider = providers.stream()
                .filter(p -> p.name().equals(chosen))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no macro indicator provider named " + chosen));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String indicator : provider.indicators()) {
            chain = chain.chain(() -> one(provider, indicator, today)
                    .invoke(u -> counts.put(indicator, Map.of("inserted", u.inserted(), "updated", u.updated())))
                    .onFailure()
                    .invoke(failure -> {
                        Log.warnf("macro indicator %s from %s failed: %s", indicator, chosen, failure.getMessage());
                        errors.put(indicator, failure.getMessage());
                    })
                    .onFailure()
                    .recoverWithNull()
                    .replaceWithVoid());
        }
        return chain.chain(() -> {
            result.put("indicators", counts);
            if (!errors.isEmpty()) {
                return Uni.createFrom()
                        .failure(new UpstreamUnavailableException(
                                "MACRO_PROVIDER_FAILED",
                                "stored " + counts.keySet() + "; failed (last good values kept): " + errors));
            }
            return Uni.createFrom().item(result);
        });
    }

    private Uni<Upserted> one(MacroIndicatorProvider provider, String indicator, LocalDate today) {
        return tx.statement(c -> repository.lastDay(c, indicator, TIMEFRAME)).chain(last -> {
            LocalDate since = last == null ? today.minusDays(config.indicators().historyDays()) : last.plusDays(1);
            return provider.observations(indicator, since).chain(observations -> {
                List<MacroIndicatorProvider.Observation> kept = observations.stream()
                        .filter(o -> !o.day().isAfter(today))
                        .filter(o -> o.value().abs().compareTo(LIMIT) <= 0)
                        .toList();
                LocalDate[] days = kept.stream()
                        .map(MacroIndicatorProvider.Observation::day)
                        .toArray(LocalDate[]::new);
                String[] values = kept.stream()
                        .map(o -> o.value()
                                .setScale(18, RoundingMode.HALF_EVEN)
                                .stripTrailingZeros()
                                .toPlainString())
                        .toArray(String[]::new);
                return tx.statement(c -> repository.upsert(c, indicator, TIMEFRAME, days, values, provider.name()))
                        .invoke(overview::invalidate);
            });
        });
    }

    public Uni<CursorPage<MacroIndicatorResponse>> history(String name, SeriesQuery query) {
        String indicator = name(name);
        SeriesPaging.Request request = SeriesPaging.check(query);
        return tx.statement(c -> repository.exists(c, indicator))
                .chain(found -> {
                    if (!found) {
                        return Uni.createFrom()
                                .failure(new ResourceNotFoundException(
                                        "MACRO_INDICATOR_NOT_FOUND", "No values are stored for '" + indicator + "'."));
                    }
                    return tx.statement(
                            c -> repository.page(c, indicator, TIMEFRAME, request.bounds(), request.newest()));
                })
                .map(rows ->
                        SeriesPaging.page(request, rows, Indicator::day, Indicator::id, MacroIndicatorResponse::of));
    }

    /** The newest value of each indicator of the overview. */
    public Uni<List<Indicator>> latest() {
        String[] names = config.indicators().overview().stream()
                .map(n -> n.toUpperCase(Locale.ROOT))
                .toArray(String[]::new);
        return tx.statement(c -> repository.latest(c, names, TIMEFRAME));
    }

    /** Indicator names are upper-case letters, digits, '.', '_' and '-' (lower case is accepted and upper-cased). */
    static String name(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (!n.matches(NAME_PATTERN)) {
            throw new BadRequestProblemException(
                    "name", "path", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return n;
    }
}
