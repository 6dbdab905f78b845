package org.coinpilot.macro.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.macro.api.MacroOverviewResponse;
import org.coinpilot.macro.api.MacroOverviewResponse.DominanceSummary;
import org.coinpilot.macro.api.MacroOverviewResponse.FearGreedSummary;
import org.coinpilot.macro.api.MacroOverviewResponse.Freshness;
import org.coinpilot.macro.api.MacroOverviewResponse.IndicatorSummary;
import org.coinpilot.macro.api.MacroOverviewResponse.RegimeSummary;
import org.coinpilot.macro.config.MacroConfig;
import org.coinpilot.macro.domain.SeriesDay.Indicator;
import org.coinpilot.macro.persistence.MacroIndicatorSqlRepository;
import org.coinpilot.macro.persistence.OverviewSqlRepository;

/**
 * {@code GET /api/v1/macro/overview}: the newest day of every macro series in two statements (sentiment, dominance and
 * regime in one, the key indicators in the other, run side by side on the pool), each with its as-of instant and
 * whether it is older than its bound ({@code coinpilot.macro.stale-after.*}). Nothing is ever deleted when a provider
 * fails, so an outage shows as the last good value, stale.
 *
 * <p>The rows read are kept in the {@code macro-overview} cache (one entry, {@code expire-after-write} 5 s): the series
 * are daily, and it is a dashboard's first call. Freshness is computed per request from the clock. Every macro write
 * of this process drops the entry after it committed ({@link #invalidate}); a read that started before a write does not
 * put its rows back (generation check). Another replica's write shows here at most 5 s later.
 */
@ApplicationScoped
public class MacroOverviewService {

    static final String CACHE = "macro-overview";
    private static final String KEY = "latest";

    /** What the overview reads from the database. */
    record Snapshot(long generation, OverviewSqlRepository.Latest latest, List<Indicator> indicators) {}

    private final CaffeineCache cache;
    private final AtomicLong generation = new AtomicLong();
    private final OverviewSqlRepository overview;
    private final MacroIndicatorSqlRepository indicators;
    private final MacroConfig config;
    private final Transactions tx;
    private final Clock clock;

    public MacroOverviewService(
            OverviewSqlRepository overview,
            MacroIndicatorSqlRepository indicators,
            MacroConfig config,
            Transactions tx,
            Clock clock,
            @CacheName(CACHE) Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
        this.overview = overview;
        this.indicators = indicators;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
    }

    /** Drops the cached rows (after a macro write committed). */
    public void invalidate() {
        generation.incrementAndGet(); // a kept snapshot of an older generation is never served again
    }

    public Uni<MacroOverviewResponse> overview() {
        List<String> names = config.indicators().overview().stream()
                .map(n -> n.toUpperCase(Locale.ROOT))
                .toList();
        CompletableFuture<Object> hit = cache.getIfPresent(KEY);
        if (hit != null && hit.isDone() && !hit.isCompletedExceptionally()) {
            Snapshot kept = (Snapshot) hit.getNow(null);
            if (kept.generation() == generation.get()) {
                return Uni.createFrom().item(response(kept, names));
            }
        }
        long loading = generation.get();
        String[] array = names.toArray(String[]::new);
        return Uni.combine()
                .all()
                .unis(
                        tx.statement(overview::latest),
                        tx.statement(c -> indicators.latest(c, array, MacroIndicatorService.TIMEFRAME)))
                .asTuple()
                .map(both -> {
                    Snapshot snapshot = new Snapshot(loading, both.getItem1(), both.getItem2());
                    if (generation.get() == loading) {
                        cache.put(KEY, CompletableFuture.completedFuture(snapshot));
                    }
                    return response(snapshot, names);
                });
    }

    private MacroOverviewResponse response(Snapshot both, List<String> names) {
        Instant now = Times.now(clock);
        OverviewSqlRepository.Latest latest = both.latest();
        var staleAfter = config.staleAfter();
        RegimeSummary regime = latest.regime() == null
                ? null
                : new RegimeSummary(
                        latest.regime().day(),
                        latest.regime().regime(),
                        latest.regime().confidence(),
                        text(latest.regime().analysisData(), "explanation"),
                        map(latest.regime().analysisData(), "votes"),
                        freshness(SeriesPaging.start(latest.regime().day().plusDays(1)), now, staleAfter.regime()));
        FearGreedSummary fearGreed = latest.sentiment() == null
                ? null
                : new FearGreedSummary(
                        latest.sentiment().day(),
                        latest.sentiment().fearGreedIndex(),
                        latest.sentiment().classification(),
                        latest.sentiment().provider(),
                        latest.sentiment().analysisMetrics(),
                        freshness(latest.sentiment().day(), now, staleAfter.sentiment()));
        DominanceSummary dominance = latest.dominance() == null
                ? null
                : new DominanceSummary(
                        latest.dominance().day(),
                        latest.dominance().btcDominance(),
                        latest.dominance().ethDominance(),
                        latest.dominance().altDominance(),
                        latest.dominance().totalMarketCapUsd(),
                        latest.dominance().trendAnalysis(),
                        freshness(latest.dominance().day(), now, staleAfter.dominance()));
        List<IndicatorSummary> values = new ArrayList<>();
        for (String name : names) {
            Indicator found = both.indicators().stream()
                    .filter(i -> i.name().equals(name))
                    .findFirst()
                    .orElse(null);
            values.add(
                    found == null
                            ? new IndicatorSummary(name, null, null, null, null)
                            : new IndicatorSummary(
                                    name,
                                    found.day(),
                                    found.value(),
                                    found.source(),
                                    freshness(found.day(), now, staleAfter.indicators())));
        }
        return new MacroOverviewResponse(now, regime, fearGreed, dominance, values);
    }

    private static Freshness freshness(LocalDate day, Instant now, Duration staleAfter) {
        return freshness(SeriesPaging.start(day), now, staleAfter);
    }

    static Freshness freshness(Instant asOf, Instant now, Duration staleAfter) {
        long age = Math.max(0, Duration.between(asOf, now).toSeconds());
        return new Freshness(asOf, age, age > staleAfter.toSeconds());
    }

    private static String text(Map<String, Object> json, String key) {
        Object value = json == null ? null : json.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String key) {
        Object value = json == null ? null : json.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
