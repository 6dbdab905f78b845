package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.service.MacroContextService;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.prediction.config.PredictionConfig;
import org.coinpilot.prediction.domain.forecast.WalkForward;
import org.coinpilot.prediction.persistence.ScoringSqlRepository;
import org.coinpilot.prediction.persistence.ScoringSqlRepository.Aggregate;

/**
 * Scores predictions against what happened and writes the scorecards (docs/predictions.md "Scoring"). Scoring is
 * set-based: one UPDATE per batch joins the due predictions to market's published candles; a prediction whose candle
 * is not stored stays unscored and is reported as waiting. Scorecards ({@code model_performance}, one row per model
 * version × window × as-of) are computed from the scored rows by one grouping statement per window and upserted, so a
 * run repeated for the same as-of rewrites the same rows.
 */
@ApplicationScoped
public class PredictionScoringService {

    static final MathContext SIGNIFICANT = new MathContext(10);

    /** What scoring did: predictions scored, statements run, and what stays unscored. */
    public record ScoreReport(long scored, int batches, long waiting, Instant oldestWaiting, long unscorable) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("scored", scored);
            map.put("batches", batches);
            map.put("waiting", waiting);
            map.put("oldestWaitingTarget", oldestWaiting == null ? null : oldestWaiting.toString());
            map.put("unscorable", unscorable);
            return map;
        }
    }

    /** The scorecards written for one as-of: how many per window. */
    public record ScorecardReport(Instant asOf, Map<String, Integer> written) {}

    private final ScoringSqlRepository repository;
    private final MacroContextService macro;
    private final MarketReadService market;
    private final PredictionConfig.Scoring config;
    private final Transactions tx;
    private final PredictionMetrics metrics;

    public PredictionScoringService(
            ScoringSqlRepository repository,
            MacroContextService macro,
            MarketReadService market,
            PredictionConfig config,
            Transactions tx,
            PredictionMetrics metrics) {
        this.repository = repository;
        this.metrics = metrics;
        this.macro = macro;
        this.market = market;
        this.config = config.scoring();
        this.tx = tx;
    }

    /**
     * Scores every prediction due at {@code now} whose target candle is stored, one batch statement after the other in
     * (target time, id) order (each commits alone, so a run stopped midway has scored whole batches and the next run
     * carries on); a batch with fewer candidates than the batch size is the last.
     */
    public Uni<ScoreReport> score(Instant now) {
        return batches(now, ScoringSqlRepository.FIRST, 0, 0)
                .chain(done -> tx.statement(client -> repository.waiting(client, now))
                        .map(waiting -> new ScoreReport(
                                done[0],
                                (int) done[1],
                                waiting.waiting(),
                                waiting.oldestWaiting(),
                                waiting.unscorable())));
    }

    private Uni<long[]> batches(Instant now, ScoringSqlRepository.Key after, long scored, int batches) {
        int size = config.batchSize();
        return tx.statement(client -> repository.scoreBatch(client, now, size, after))
                .invoke(batch -> metrics.scored(batch.scored()))
                .chain(batch -> {
                    if (batch.examined() < size || batch.last() == null) {
                        return Uni.createFrom().item(new long[] {scored + batch.scored(), batches + 1});
                    }
                    return batches(now, batch.last(), scored + batch.scored(), batches + 1);
                });
    }

    /** The as-of of a run at {@code now}: truncated to the configured step (UTC epoch multiples). */
    public Instant asOf(Instant now) {
        long step = config.asOfStep().getSeconds();
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, step));
    }

    /** Writes the scorecards of every configured window as of {@code asOf}, one window after the other. */
    public Uni<ScorecardReport> writeScorecards(Instant asOf, Instant evaluatedAt) {
        Map<String, Integer> written = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String window : config.windows()) {
            chain = chain.chain(() -> window(window, asOf, evaluatedAt).invoke(n -> written.put(window, n)))
                    .replaceWithVoid();
        }
        return chain.map(ignored -> new ScorecardReport(asOf, written));
    }

    /** The start (exclusive) of a window's target times; null for {@code all}. */
    static Instant since(String window, Instant asOf) {
        if (window.equals("all")) {
            return null;
        }
        return asOf.minus(Duration.ofDays(Long.parseLong(window.substring(0, window.length() - 1))));
    }

    private Uni<Integer> window(String window, Instant asOf, Instant evaluatedAt) {
        Instant since = since(window, asOf);
        return tx.statement(client -> repository.createdDays(client, asOf, since))
                .chain(days -> days.first() == null
                        ? Uni.createFrom().item(Map.<LocalDate, MarketRegime>of())
                        : macro.regimes(days.first().minusDays(1), days.last().minusDays(1)))
                .chain(regimes -> {
                    LocalDate[] dayArray = regimes.keySet().toArray(LocalDate[]::new);
                    String[] regimeArray =
                            regimes.values().stream().map(MarketRegime::dbValue).toArray(String[]::new);
                    return tx.statement(client -> repository.aggregates(
                            client, asOf, since, dayArray, regimeArray, config.confidenceBuckets()));
                })
                .chain(aggregates -> {
                    Set<Long> assetIds = new LinkedHashSet<>();
                    aggregates.stream()
                            .filter(a -> a.kind() == Aggregate.Kind.ASSET && a.cryptoId() != null)
                            .forEach(a -> assetIds.add(a.cryptoId()));
                    Uni<Map<Long, AssetRef>> assets =
                            assetIds.isEmpty() ? Uni.createFrom().item(Map.of()) : market.assets(assetIds);
                    return assets.map(refs -> cards(window, asOf, aggregates, refs));
                })
                .chain(cards -> tx.sql(connection -> repository.upsert(connection, cards, evaluatedAt)));
    }

    private List<ScoringSqlRepository.NewScorecard> cards(
            String window, Instant asOf, List<Aggregate> aggregates, Map<Long, AssetRef> assets) {
        Map<Long, List<Aggregate>> byModel = new LinkedHashMap<>();
        aggregates.forEach(a ->
                byModel.computeIfAbsent(a.modelId(), id -> new ArrayList<>()).add(a));
        List<ScoringSqlRepository.NewScorecard> cards = new ArrayList<>();
        int buckets = config.confidenceBuckets();
        byModel.forEach((modelId, groups) -> {
            Aggregate overall = groups.stream()
                    .filter(a -> a.kind() == Aggregate.Kind.MODEL)
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> metrics = metrics(overall);
            List<Map<String, Object>> byAsset = new ArrayList<>();
            List<Map<String, Object>> byRegime = new ArrayList<>();
            List<Map<String, Object>> reliability = new ArrayList<>();
            for (Aggregate group : groups) {
                switch (group.kind()) {
                    case ASSET -> {
                        if (group.cryptoId() == null) {
                            continue; // macro and sector predictions have no asset
                        }
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("cryptoId", group.cryptoId());
                        AssetRef ref = assets.get(group.cryptoId());
                        line.put("symbol", ref == null ? null : ref.symbol());
                        line.putAll(metrics(group));
                        byAsset.add(line);
                    }
                    case REGIME -> {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("regime", group.regime());
                        line.putAll(metrics(group));
                        byRegime.add(line);
                    }
                    case BUCKET -> {
                        if (group.bucket() == null || group.confidenceCount() == 0) {
                            continue; // no confidence, or no accuracy threshold to judge it by
                        }
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("from", round((double) group.bucket() / buckets));
                        line.put("to", round((double) (group.bucket() + 1) / buckets));
                        line.put("count", group.confidenceCount());
                        line.put("meanConfidence", round(group.meanConfidence()));
                        line.put("observedAccuracy", round(group.observedAccuracy()));
                        reliability.add(line);
                    }
                    default -> {}
                }
            }
            Map<String, Object> breakdown = new LinkedHashMap<>();
            breakdown.put("byAsset", byAsset);
            breakdown.put("byRegime", byRegime);
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("from", overall.firstTarget().toString());
            range.put("to", overall.lastTarget().toString());
            Object mase = metrics.get("mase");
            cards.add(new ScoringSqlRepository.NewScorecard(
                    modelId,
                    mase == null ? null : BigDecimal.valueOf(((Number) mase).doubleValue()),
                    range,
                    overall.timeframe(),
                    Math.toIntExact(overall.count()),
                    metrics,
                    window,
                    asOf,
                    breakdown,
                    reliability));
        });
        return cards;
    }

    /**
     * The scores of a group, named as {@link WalkForward.Metrics#toMap()} names them: MAE, RMSE (price units), MAPE
     * (%), the naive forecast's MAE (input price as the forecast) and MASE = MAE ÷ naive MAE on the rows that have an
     * input price, directional accuracy with its one-sided binomial p-value ({@link WalkForward#directionalPValue}),
     * and the Brier score of the confidence against accurate-or-not.
     */
    static Map<String, Object> metrics(Aggregate a) {
        Map<String, Object> map = new LinkedHashMap<>();
        double n = a.count();
        map.put("count", a.count());
        map.put("mae", round(a.sumAbs().doubleValue() / n));
        map.put("rmse", round(Math.sqrt(a.sumSquared().doubleValue() / n)));
        map.put("mape", round(100 * a.sumRelative().doubleValue() / n));
        map.put("naiveCount", a.naiveCount());
        boolean naive = a.naiveCount() > 0 && a.sumNaiveAbs() != null;
        map.put("naiveMae", naive ? round(a.sumNaiveAbs().doubleValue() / a.naiveCount()) : null);
        map.put(
                "mase",
                naive && a.sumNaiveAbs().signum() > 0
                        ? round(a.sumAbsNaiveRows().doubleValue()
                                / a.sumNaiveAbs().doubleValue())
                        : null);
        boolean directional = a.directionalCount() > 0;
        map.put("directionalCount", a.directionalCount());
        map.put("directionalAccuracy", directional ? round((double) a.hits() / a.directionalCount()) : null);
        map.put(
                "directionalPValue",
                directional ? round(WalkForward.directionalPValue(a.hits(), a.directionalCount())) : null);
        map.put("brierScore", a.brier() == null ? null : round(a.brier()));
        return map;
    }

    static Double round(BigDecimal value) {
        return value == null ? null : round(value.doubleValue());
    }

    static double round(double value) {
        return new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }
}
