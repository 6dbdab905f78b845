package org.coinpilot.recommendation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.portfolio.service.PortfolioService;
import org.coinpilot.portfolio.service.PortfolioService.HeldPosition;
import org.coinpilot.recommendation.config.RecommendationConfig;
import org.coinpilot.recommendation.domain.Outcomes;
import org.coinpilot.recommendation.domain.RecommendationRules;
import org.coinpilot.recommendation.domain.RecommendationRules.Candidate;
import org.coinpilot.recommendation.domain.RecommendationRules.Held;
import org.coinpilot.recommendation.domain.RecommendationRules.Price;
import org.coinpilot.recommendation.domain.RecommendationRules.Signal;
import org.coinpilot.recommendation.domain.RecommendationRules.Watched;
import org.coinpilot.recommendation.persistence.RecommendationSqlRepository;
import org.coinpilot.recommendation.persistence.RecommendationSqlRepository.Due;
import org.coinpilot.signal.service.SignalReadService;
import org.coinpilot.signal.service.SignalReadService.ActiveSignal;
import org.coinpilot.watchlist.service.WatchlistService;
import org.coinpilot.watchlist.service.WatchlistService.WatchedAsset;

/**
 * The recommendation jobs (docs/recommendations.md): generation from the users' watchlists and portfolios, expiry,
 * and the outcome after the horizon. Other features are read through their services only: watched assets
 * ({@link WatchlistService#watchedAssets}), held positions ({@link PortfolioService#heldPositions}), active signals
 * ({@link SignalReadService#active}) and latest prices ({@link MarketReadService#latestQuotes}); candles through
 * market's published view {@code market_candles}.
 */
@ApplicationScoped
public class RecommendationJobService {

    /** Candidates per INSERT statement. */
    static final int INSERT_CHUNK = 1000;

    private final WatchlistService watchlists;
    private final PortfolioService portfolio;
    private final SignalReadService signals;
    private final MarketReadService market;
    private final RecommendationSqlRepository sql;
    private final RecommendationConfig config;
    private final Clock clock;
    private final Transactions tx;

    public RecommendationJobService(
            WatchlistService watchlists,
            PortfolioService portfolio,
            SignalReadService signals,
            MarketReadService market,
            RecommendationSqlRepository sql,
            RecommendationConfig config,
            Clock clock,
            Transactions tx) {
        this.watchlists = watchlists;
        this.portfolio = portfolio;
        this.signals = signals;
        this.market = market;
        this.sql = sql;
        this.config = config;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Generates every recommendation that applies now and inserts those without an open twin (same user, target,
     * type and cause). Returns the counts: candidates by type, inserted, skipped as already open.
     */
    public Uni<Map<String, Object>> generate() {
        Instant now = Times.now(clock);
        return watchlists
                .watchedAssets()
                .chain(watched -> portfolio.heldPositions().chain(held -> {
                    Set<Long> heldAssets = new TreeSet<>();
                    held.stream().filter(h -> h.cryptoId() != null).forEach(h -> heldAssets.add(h.cryptoId()));
                    Set<Long> assets = new TreeSet<>(heldAssets);
                    watched.forEach(w -> assets.add(w.cryptoId()));
                    return signals.active(assets, now)
                            .chain(active -> prices(heldAssets)
                                    .chain(prices -> market.assets(active.stream()
                                                    .map(ActiveSignal::cryptoId)
                                                    .toList())
                                            .map(refs -> {
                                                Map<Long, String> symbols = new HashMap<>();
                                                refs.forEach((id, ref) -> symbols.put(id, ref.symbol()));
                                                return RecommendationRules.generate(
                                                        watched.stream()
                                                                .map(RecommendationJobService::watched)
                                                                .toList(),
                                                        held.stream()
                                                                .map(RecommendationJobService::held)
                                                                .toList(),
                                                        active.stream()
                                                                .map(RecommendationJobService::signal)
                                                                .toList(),
                                                        prices,
                                                        symbols,
                                                        settings(),
                                                        now);
                                            })))
                            .chain(candidates -> tx.sql(connection -> insertChunks(connection, candidates, 0, 0, now))
                                    .map(inserted -> report(candidates, inserted, watched, held)));
                }));
    }

    /** Every pending recommendation past its expiry becomes EXPIRED, in one statement; returns how many. */
    public Uni<Integer> expire() {
        Instant now = Times.now(clock);
        return tx.statement(client -> sql.expire(client, now));
    }

    /**
     * Computes the outcome of at most {@code batch-size} recommendations whose horizon ended at least {@code grace}
     * ago (oldest first), from the stored candles of the horizon (one statement for all), and stores them in the same
     * transaction. Returns how many outcomes were written.
     */
    public Uni<Map<String, Object>> outcomes() {
        Instant now = Times.now(clock);
        Timeframe timeframe = Timeframe.fromCode(config.outcome().timeframe());
        return tx.sql(connection -> sql.due(
                        connection,
                        now.minus(config.outcome().grace()),
                        config.outcome().batchSize())
                .chain(due -> sql.candles(connection, due, timeframe.code(), timeframe.duration())
                        .chain(candles -> {
                            Map<Long, Map<String, Object>> outcomes = new LinkedHashMap<>();
                            int available = 0;
                            for (Due d : due) {
                                Map<String, Object> outcome = Outcomes.outcome(
                                        d.plan(), candles.getOrDefault(d.id(), List.of()), d.horizonEndsAt(), now);
                                if (Boolean.TRUE.equals(outcome.get("available"))) {
                                    available++;
                                }
                                outcomes.put(d.id(), outcome);
                            }
                            int computed = available;
                            return sql.storeOutcomes(connection, outcomes).map(written -> {
                                Map<String, Object> report = new LinkedHashMap<>();
                                report.put("due", due.size());
                                report.put("written", written);
                                report.put("withCandles", computed);
                                return report;
                            });
                        })));
    }

    private Uni<Integer> insertChunks(
            io.vertx.mutiny.sqlclient.SqlConnection connection,
            List<Candidate> candidates,
            int from,
            int inserted,
            Instant now) {
        if (from >= candidates.size()) {
            return Uni.createFrom().item(inserted);
        }
        int to = Math.min(candidates.size(), from + INSERT_CHUNK);
        return sql.insert(connection, candidates.subList(from, to), now)
                .chain(n -> insertChunks(connection, candidates, to, inserted + n, now));
    }

    /** The latest stored close of each asset: the hourly candle's, else the daily one's. */
    private Uni<Map<Long, Price>> prices(Set<Long> assets) {
        return market.latestQuotes(assets, Timeframe.D1)
                .chain(daily -> market.latestQuotes(assets, Timeframe.H1).map(hourly -> {
                    Map<Long, Quote> quotes = new TreeMap<>(daily);
                    quotes.putAll(hourly);
                    Map<Long, Price> prices = new TreeMap<>();
                    quotes.forEach((id, q) -> prices.put(id, new Price(q.close(), q.candleTime())));
                    return prices;
                }));
    }

    private RecommendationRules.Settings settings() {
        return new RecommendationRules.Settings(
                config.expiry(),
                config.horizon(),
                config.riskLimitPercent(),
                config.rebalanceTolerancePercent(),
                config.sizing().capitalUsd(),
                config.sizing().riskPercent(),
                config.highRiskReward());
    }

    private static Map<String, Object> report(
            List<Candidate> candidates, int inserted, List<WatchedAsset> watched, List<HeldPosition> held) {
        Map<String, Integer> byType = new TreeMap<>();
        candidates.forEach(c -> byType.merge(c.type().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("watchedAssets", watched.size());
        report.put("heldPositions", held.size());
        report.put("candidates", candidates.size());
        report.put("candidatesByType", byType);
        report.put("inserted", inserted);
        report.put("alreadyOpen", candidates.size() - inserted);
        return report;
    }

    private static Watched watched(WatchedAsset w) {
        return new Watched(w.userId(), w.watchlistId(), w.cryptoId());
    }

    private static Held held(HeldPosition h) {
        return new Held(
                h.id(),
                h.userId(),
                h.cryptoId(),
                h.symbol(),
                h.isShort(),
                h.quantity(),
                h.entryPrice(),
                h.stopLossPrice(),
                h.takeProfitPrice(),
                h.allocationTargetPercent());
    }

    private static Signal signal(ActiveSignal s) {
        return new Signal(
                s.id(),
                s.cryptoId(),
                s.predictionId(),
                "short".equals(s.signalType()),
                s.entryPrice(),
                s.targetPrice(),
                s.stopLoss(),
                s.riskRewardRatio(),
                s.timeHorizonHours(),
                s.createdAt(),
                s.expiresAt());
    }
}
