package org.coinpilot.macro.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.macro.api.DominanceResponse;
import org.coinpilot.macro.api.MacroImportReport;
import org.coinpilot.macro.api.SeriesQuery;
import org.coinpilot.macro.client.DominanceClient;
import org.coinpilot.macro.domain.MacroCsv;
import org.coinpilot.macro.domain.SeriesDay.Dominance;
import org.coinpilot.macro.domain.SeriesDay.Upserted;
import org.coinpilot.macro.persistence.DominanceSqlRepository;

/**
 * BTC / ETH / alt dominance and the total market cap, one row per UTC day. The job stores CoinGecko's {@code /global}
 * snapshot under the day it was computed (a later snapshot of the same day replaces it); alt is everything but BTC
 * and ETH ({@code 100 − btc − eth}). History comes from CSV, one column per import ({@code field}), so that the shared
 * files (BTC share, total market cap) can each be loaded. After each write the 7- and 30-day trends and the alt-season
 * reading of the affected days are recomputed in one statement.
 */
@ApplicationScoped
public class DominanceService {

    /** The columns a CSV import can fill. */
    public enum Field {
        BTC_DOMINANCE,
        ETH_DOMINANCE,
        TOTAL_MARKET_CAP
    }

    private final DominanceSqlRepository repository;
    private final DominanceClient client;
    private final Transactions tx;
    private final Clock clock;
    private final MacroOverviewService overview;

    public DominanceService(
            DominanceSqlRepository repository,
            DominanceClient client,
            Transactions tx,
            Clock clock,
            MacroOverviewService overview) {
        this.overview = overview;
        this.repository = repository;
        this.client = client;
        this.tx = tx;
        this.clock = clock;
    }

    /** The job body: one {@code /global} snapshot. */
    public Uni<Map<String, Object>> ingest() {
        return client.global().chain(snapshot -> {
            Instant at = snapshot.updatedAt() == null ? clock.instant() : snapshot.updatedAt();
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            String btc = snapshot.btc().setScale(4, RoundingMode.HALF_EVEN).toPlainString();
            String eth = snapshot.eth().setScale(4, RoundingMode.HALF_EVEN).toPlainString();
            String total = snapshot.totalMarketCapUsd()
                    .setScale(2, RoundingMode.HALF_EVEN)
                    .toPlainString();
            return write(
                            new LocalDate[] {day},
                            new String[] {btc},
                            new String[] {eth},
                            new String[] {total},
                            DominanceClient.NAME)
                    .map(upserted -> {
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("day", day.toString());
                        result.put("btcDominance", btc);
                        result.put("ethDominance", eth);
                        result.put("totalMarketCapUsd", total);
                        result.put("inserted", upserted.inserted());
                        result.put("updated", upserted.updated());
                        return result;
                    });
        });
    }

    /**
     * Admin CSV import of one column: {@code date,value} (the shared files' {@code Date,value}), or a header naming
     * the column ({@code btc_dominance}, …). Shares must lie in 0–100 (4 decimals), the market cap be ≥ 0 (cents).
     */
    public Uni<MacroImportReport> importCsv(String body, String field) {
        Field f = field(field);
        String column = f.name().toLowerCase(java.util.Locale.ROOT);
        MacroCsv.Columns columns =
                new MacroCsv.Columns(List.of("date", "day"), List.of("value", column, column + "_usd", "close"), null);
        boolean share = f != Field.TOTAL_MARKET_CAP;
        MacroCsv.Parsed parsed =
                MacroCsv.parse(body, columns, BigDecimal.ZERO, share ? BigDecimal.valueOf(100) : null, share ? 4 : 2);
        List<MacroCsv.Value> values = parsed.values();
        String[] texts = ImportReports.texts(values);
        String[] none = new String[values.size()];
        return write(
                        ImportReports.days(values),
                        f == Field.BTC_DOMINANCE ? texts : none,
                        f == Field.ETH_DOMINANCE ? texts : none,
                        f == Field.TOTAL_MARKET_CAP ? texts : none,
                        "import")
                .map(upserted -> ImportReports.of(parsed, upserted));
    }

    private Uni<Upserted> write(LocalDate[] days, String[] btc, String[] eth, String[] total, String source) {
        if (days.length == 0) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        LocalDate first =
                java.util.Arrays.stream(days).min(LocalDate::compareTo).orElseThrow();
        return tx.sql(c -> repository
                        .upsert(c, days, btc, eth, total, source)
                        .call(() -> repository.refreshTrend(c, first)))
                .invoke(overview::invalidate);
    }

    public Uni<CursorPage<DominanceResponse>> history(SeriesQuery query) {
        SeriesPaging.Request request = SeriesPaging.check(query);
        return tx.statement(c -> repository.page(c, request.bounds(), request.newest()))
                .map(rows -> SeriesPaging.page(request, rows, Dominance::day, Dominance::id, DominanceResponse::of));
    }

    static Field field(String value) {
        if (value == null || value.isBlank()) {
            return Field.BTC_DOMINANCE;
        }
        try {
            return Field.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestProblemException(
                    "field", "query", "must be btc_dominance, eth_dominance or total_market_cap");
        }
    }
}
