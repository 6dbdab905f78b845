package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.macro.service.MacroContextService;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.domain.CandleTimes;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.prediction.config.PredictionConfig;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.ModelType;
import org.coinpilot.prediction.domain.Prediction;
import org.coinpilot.prediction.domain.TargetVariable;
import org.coinpilot.prediction.domain.VolatilityLevel;
import org.coinpilot.prediction.domain.forecast.Forecaster;
import org.coinpilot.prediction.domain.forecast.Forecasters;
import org.coinpilot.prediction.domain.forecast.PointForecast;
import org.coinpilot.prediction.persistence.AiModelRepository;
import org.coinpilot.prediction.persistence.PredictionRepository;
import org.coinpilot.sector.service.SectorContextService;
import org.coinpilot.signal.service.SignalReadService;
import org.coinpilot.watchlist.service.WatchlistService;

/**
 * The job's predictions (docs/predictions.md "Predictions"): at an instant {@code T} (the run's start, or a given
 * as-of instant), every ACTIVE baseline version (naive, drift, ridge: its stored configuration is the forecaster)
 * predicts its asset's close {@code h} candles after the newest candle closed at or before {@code T}, from the closed
 * candles up to that one only. With the prediction go its inputs, its calibrated confidence, the EWMA interval and
 * a snapshot of the four analysis layers as they were at {@code T}.
 *
 * <p>Nothing is predicted from a series with a gap, with too few closed candles, or whose newest closed candle is not
 * stored yet; the run's result names each with its reason. A version predicts a target once: a second run on the same
 * last closed candle adds nothing (checked before inserting; the unique index {@code
 * uq_predictions_model_asset_horizon_target} backs it).
 */
@ApplicationScoped
public class PredictionGenerationService {

    static final String TYPE = "price";
    private static final MathContext PRICE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    /** What one run did: labels {@code <model name> <version> -> <target>}. */
    public record Report(
            Instant asOf, int series, List<String> created, List<String> alreadyPredicted, List<String> skipped) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("asOf", asOf.toString());
            map.put("series", series);
            map.put("created", created.size());
            map.put("alreadyPredicted", alreadyPredicted.size());
            map.put("predictions", created);
            map.put("skipped", skipped);
            return map;
        }
    }

    /** The four layers at T, read once per run. */
    private record Layers(
            MacroContextService.MacroContext macro,
            Map<Long, SectorContextService.AssetSectorContext> sectors,
            Map<Long, WatchlistService.AssetHolding> watchlists,
            List<SignalReadService.ActiveSignal> signals) {}

    /** A version ready to predict on a series. */
    private record Candidate(AiModel model, Forecaster forecaster, int horizon) {}

    /** A computed forecast, before it is stored. */
    private record Computed(Candidate candidate, PointForecast.Result result, double seconds) {}

    private final MarketReadService market;
    private final CandleSeriesService candles;
    private final MacroContextService macro;
    private final SectorContextService sectors;
    private final WatchlistService watchlists;
    private final SignalReadService signals;
    private final AiModelRepository models;
    private final PredictionRepository predictions;
    private final PredictionConfig.Predictions config;
    private final Transactions tx;
    private final Vertx vertx;

    public PredictionGenerationService(
            MarketReadService market,
            CandleSeriesService candles,
            MacroContextService macro,
            SectorContextService sectors,
            WatchlistService watchlists,
            SignalReadService signals,
            AiModelRepository models,
            PredictionRepository predictions,
            PredictionConfig config,
            Transactions tx,
            Vertx vertx) {
        this.market = market;
        this.candles = candles;
        this.macro = macro;
        this.sectors = sectors;
        this.watchlists = watchlists;
        this.signals = signals;
        this.models = models;
        this.predictions = predictions;
        this.config = config.predictions();
        this.tx = tx;
        this.vertx = vertx;
    }

    /** One run as of {@code asOf}: every supported asset × configured timeframe, one series after the other. */
    public Uni<Report> generate(Instant asOf) {
        Report report = new Report(asOf, 0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Timeframe> timeframes =
                config.timeframes().stream().map(Timeframe::fromCode).toList();
        return market.supportedAssets()
                .chain(assets -> tx.read(() -> models.listActiveByType(ModelType.ASSET))
                        .chain(active -> layers(assets, asOf).chain(layers -> {
                            List<Map.Entry<AssetRef, Timeframe>> series = new ArrayList<>();
                            assets.forEach(a -> timeframes.forEach(tf -> series.add(Map.entry(a, tf))));
                            return Multi.createFrom()
                                    .iterable(series)
                                    .onItem()
                                    .transformToUniAndConcatenate(
                                            s -> series(s.getKey(), s.getValue(), active, layers, asOf, report))
                                    .collect()
                                    .asList()
                                    .map(done -> new Report(
                                            asOf,
                                            done.size(),
                                            report.created(),
                                            report.alreadyPredicted(),
                                            report.skipped()));
                        })));
    }

    private Uni<Layers> layers(List<AssetRef> assets, Instant at) {
        List<Long> ids = assets.stream().map(AssetRef::id).toList();
        return macro.asOf(at)
                .chain(m -> sectors.asOf(ids, at)
                        .chain(s -> watchlists
                                .holdings(ids, at)
                                .chain(w -> signals.active(ids, at).map(a -> new Layers(m, s, w, a)))));
    }

    private Uni<Boolean> series(
            AssetRef asset, Timeframe timeframe, List<AiModel> active, Layers layers, Instant asOf, Report report) {
        String label = asset.symbol() + " " + timeframe.code();
        List<Candidate> candidates = candidates(asset, timeframe, active, asOf, label, report);
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return candles.series(asset.id(), timeframe, asOf).chain(series -> {
            // closed at or before T: open + length <= T (the read stops before T's open already)
            int n = series.size();
            while (n > 0 && series.times()[n - 1].plus(timeframe.duration()).isAfter(asOf)) {
                n--;
            }
            int from = Math.max(0, n - config.maxCandles());
            double[] closes = Arrays.copyOfRange(series.close(), from, n);
            Instant[] times = Arrays.copyOfRange(series.times(), from, n);
            String problem = problem(closes.length, times, timeframe, asOf);
            if (problem != null) {
                report.skipped().add(label + ": " + problem);
                return Uni.createFrom().item(false);
            }
            List<Candidate> ready = new ArrayList<>();
            for (Candidate c : candidates) {
                int needed = Math.max(c.forecaster().warmUp(c.horizon()), 20) + 1;
                if (closes.length < needed) {
                    report.skipped()
                            .add(label + " " + c.model().name + " " + c.model().version + ": " + closes.length
                                    + " closed candles, " + needed + " needed");
                } else {
                    ready.add(c);
                }
            }
            if (ready.isEmpty()) {
                return Uni.createFrom().item(false);
            }
            return vertx.executeBlocking(() -> compute(ready, closes, times), false)
                    .chain(computed -> store(asset, timeframe, times, computed, layers, asOf, report))
                    .replaceWith(true);
        });
    }

    /** The active baseline versions of this series at the configured horizons that may predict as of T. */
    private List<Candidate> candidates(
            AssetRef asset, Timeframe timeframe, List<AiModel> active, Instant asOf, String label, Report report) {
        List<Candidate> candidates = new ArrayList<>();
        for (AiModel model : active) {
            Map<String, Object> configuration = model.configuration;
            if (configuration == null
                    || model.trainingDataTimeframe != timeframe
                    || model.targetVariable != TargetVariable.PRICE
                    || !(configuration.get("cryptoId") instanceof Number crypto)
                    || crypto.longValue() != asset.id()
                    || !(configuration.get("horizon") instanceof Number horizon)
                    || !config.horizons().contains(horizon.intValue())) {
                continue;
            }
            Forecaster forecaster = Forecasters.fromConfiguration(configuration);
            if (forecaster == null) {
                continue; // an external model: it posts its own predictions
            }
            Instant trained = trainedThrough(model, timeframe);
            if (!"naive".equals(forecaster.method()) && trained != null && trained.isAfter(asOf)) {
                // an as-of run before the version's own training data ended would use the future
                report.skipped()
                        .add(label + " " + model.name + " " + model.version + ": trained on data up to " + trained
                                + ", after " + asOf);
                continue;
            }
            candidates.add(new Candidate(model, forecaster, horizon.intValue()));
        }
        return candidates;
    }

    /**
     * The end of the data a version's choice was made on: {@code performanceMetrics.range.to} (the open of the last
     * candle the training scored, plus one candle) or {@code trainingDataRange.to}, whichever is later; null when
     * the version records neither.
     */
    static Instant trainedThrough(AiModel model, Timeframe timeframe) {
        Instant end = null;
        if (model.trainingDataRange != null && model.trainingDataRange.get("to") instanceof String to) {
            end = parse(to);
        }
        if (model.performanceMetrics != null
                && model.performanceMetrics.get("range") instanceof Map<?, ?> range
                && range.get("to") instanceof String to) {
            Instant last = parse(to);
            if (last != null) {
                last = last.plus(timeframe.duration());
                end = end == null || last.isAfter(end) ? last : end;
            }
        }
        return end;
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Why nothing may be predicted from these closed candles, or null. */
    private String problem(int count, Instant[] times, Timeframe timeframe, Instant asOf) {
        if (count < config.minCandles()) {
            return count + " closed candles, " + config.minCandles() + " needed";
        }
        Duration step = timeframe.duration();
        for (int i = 1; i < times.length; i++) {
            if (!times[i - 1].plus(step).equals(times[i])) {
                return "gap after the candle of " + times[i - 1] + " (next stored " + times[i] + ")";
            }
        }
        Instant expected = CandleTimes.lastClosed(timeframe, asOf);
        Instant last = times[times.length - 1];
        if (last.isBefore(expected)) {
            return "the newest closed candle (" + expected + ") is not stored; the last stored is " + last;
        }
        return null;
    }

    private List<Computed> compute(List<Candidate> ready, double[] closes, Instant[] times) {
        List<Computed> computed = new ArrayList<>();
        for (Candidate c : ready) {
            long start = System.nanoTime();
            PointForecast.Result result =
                    PointForecast.of(c.forecaster(), closes, times, c.horizon(), config.accuracyThresholdPercent());
            double seconds = (System.nanoTime() - start) / 1e9;
            computed.add(new Computed(c, result, seconds));
        }
        return computed;
    }

    private Uni<Void> store(
            AssetRef asset,
            Timeframe timeframe,
            Instant[] times,
            List<Computed> computed,
            Layers layers,
            Instant asOf,
            Report report) {
        Instant lastOpen = times[times.length - 1];
        return tx.write(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<Long> touched = new ArrayList<>();
            for (int horizon : computed.stream()
                    .map(c -> c.candidate().horizon())
                    .distinct()
                    .toList()) {
                Instant target = lastOpen.plus(timeframe.duration().multipliedBy(horizon + 1L));
                List<Computed> atHorizon = computed.stream()
                        .filter(c -> c.candidate().horizon() == horizon)
                        .toList();
                List<Long> ids =
                        atHorizon.stream().map(c -> c.candidate().model().id).toList();
                chain = chain.chain(() -> predictions
                        .modelsWithPrediction(asset.id(), horizon, target, ids)
                        .chain(existing -> {
                            List<Prediction> rows = new ArrayList<>();
                            for (Computed c : atHorizon) {
                                AiModel model = c.candidate().model();
                                String name = model.name + " " + model.version + " -> " + target;
                                if (existing.contains(model.id)) {
                                    report.alreadyPredicted().add(name);
                                    continue;
                                }
                                rows.add(row(asset, timeframe, times, c, target, layers, asOf));
                                touched.add(model.id);
                                report.created().add(name);
                            }
                            return rows.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : predictions.persist(rows).replaceWithVoid();
                        }));
            }
            return chain.chain(() -> predictions.flush())
                    .chain(() -> touched.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : models.touchLastPrediction(touched, asOf).replaceWithVoid());
        });
    }

    private Prediction row(
            AssetRef asset,
            Timeframe timeframe,
            Instant[] times,
            Computed computed,
            Instant target,
            Layers layers,
            Instant asOf) {
        PointForecast.Result r = computed.result();
        AiModel model = computed.candidate().model();
        int horizon = computed.candidate().horizon();
        VolatilityLevel level =
                PointForecast.level(r.sigma(), timeframe, config.volatilityMedium(), config.volatilityHigh());
        Prediction p = new Prediction();
        p.cryptoId = asset.id();
        p.aiModelsId = model.id;
        p.predictionType = TYPE;
        p.predictedPrice = price(r.predicted());
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("lower", price(r.lower()).toPlainString());
        interval.put("upper", price(r.upper()).toPlainString());
        interval.put("level", PointForecast.LEVEL);
        interval.put("method", "ewma");
        interval.put("sigma", r.sigma());
        interval.put("horizonSigma", r.sigma() * Math.sqrt(horizon));
        p.predictedValue = interval;
        p.confidenceScore = BigDecimal.valueOf(r.confidence()).setScale(6, RoundingMode.HALF_EVEN);
        p.predictionHorizon = horizon;
        p.targetDatetime = target;
        p.featuresUsed = r.featuresUsed();
        p.inputPrice = price(r.inputClose());
        Map<String, Object> inputs = new LinkedHashMap<>(r.inputFeatures());
        inputs.put("close", p.inputPrice.toPlainString());
        inputs.put("timeframe", timeframe.code());
        p.inputFeatures = inputs;
        p.contextData = context(asset.id(), layers, asOf);
        p.isRealized = false;
        p.accuracyThreshold =
                BigDecimal.valueOf(config.accuracyThresholdPercent()).setScale(4, RoundingMode.HALF_EVEN);
        p.marketConditions = conditions(asset.id(), layers, r.sigma(), timeframe, level);
        p.volatilityLevel = level;
        p.predictionTime = BigDecimal.valueOf(computed.seconds()).setScale(6, RoundingMode.HALF_UP);
        p.notes = model.name + " " + model.version + " on " + times.length + " closed " + timeframe.code()
                + " candles up to the one opened " + times[times.length - 1];
        Map<String, Object> debug = new LinkedHashMap<>();
        debug.put("asOf", asOf.toString());
        debug.put("model", model.name);
        debug.put("version", model.version);
        debug.put("configuration", model.configuration);
        debug.put("predictedLogReturn", r.logReturn());
        p.debugInfo = debug;
        return p;
    }

    /** The four layers at T (context_data). */
    private static Map<String, Object> context(long cryptoId, Layers layers, Instant asOf) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("asOf", asOf.toString());
        context.put("macro", layers.macro().toMap());
        SectorContextService.AssetSectorContext sector = layers.sectors().get(cryptoId);
        context.put("sector", sector == null ? null : sector.toMap());
        WatchlistService.AssetHolding holding = layers.watchlists().get(cryptoId);
        context.put("watchlists", holding == null ? null : holding.toMap());
        List<Map<String, Object>> active = new ArrayList<>();
        for (SignalReadService.ActiveSignal s : signalsOf(cryptoId, layers)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("signalType", s.signalType());
            m.put("predictionId", s.predictionId());
            m.put("entryPrice", text(s.entryPrice()));
            m.put("targetPrice", text(s.targetPrice()));
            m.put("stopLoss", text(s.stopLoss()));
            m.put("riskLevel", s.riskLevel());
            m.put("riskRewardRatio", text(s.riskRewardRatio()));
            m.put("createdAt", s.createdAt() == null ? null : s.createdAt().toString());
            m.put("expiresAt", s.expiresAt() == null ? null : s.expiresAt().toString());
            active.add(m);
        }
        context.put("signals", active);
        return context;
    }

    /** The summary a reader filters on (market_conditions): one value per layer and the volatility. */
    private static Map<String, Object> conditions(
            long cryptoId, Layers layers, double sigma, Timeframe timeframe, VolatilityLevel level) {
        Map<String, Object> m = new LinkedHashMap<>();
        MacroContextService.MacroContext macro = layers.macro();
        m.put("regime", macro.regime() == null ? null : macro.regime().dbValue());
        m.put("fearGreedIndex", text(macro.fearGreedIndex()));
        m.put("btcDominance", text(macro.btcDominance()));
        SectorContextService.AssetSectorContext sector = layers.sectors().get(cryptoId);
        SectorContextService.SectorState primary = sector == null
                ? null
                : sector.sectors().stream()
                        .filter(SectorContextService.SectorState::primary)
                        .findFirst()
                        .orElse(null);
        m.put("primarySector", primary == null ? null : primary.slug());
        m.put("sectorPerformance7d", primary == null ? null : text(primary.performance7d()));
        m.put("sectorRotation", sector == null ? null : sector.rotationState());
        WatchlistService.AssetHolding holding = layers.watchlists().get(cryptoId);
        m.put("systemWatchlists", holding == null ? 0 : holding.systemLists());
        m.put("personalWatchlists", holding == null ? 0 : holding.personalLists());
        List<SignalReadService.ActiveSignal> active = signalsOf(cryptoId, layers);
        m.put("activeSignals", active.size());
        m.put(
                "signalTypes",
                active.stream()
                        .map(SignalReadService.ActiveSignal::signalType)
                        .distinct()
                        .sorted()
                        .toList());
        m.put("volatilityLevel", level.name().toLowerCase(java.util.Locale.ROOT));
        m.put("ewmaVolatility", sigma);
        m.put("annualisedVolatility", PointForecast.annualised(sigma, timeframe));
        return m;
    }

    private static List<SignalReadService.ActiveSignal> signalsOf(long cryptoId, Layers layers) {
        return layers.signals().stream().filter(s -> s.cryptoId() == cryptoId).toList();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** A price as stored (numeric(38,18)): 15 significant digits, at most 18 decimals. */
    static BigDecimal price(double value) {
        BigDecimal rounded = new BigDecimal(value).round(PRICE_DIGITS);
        if (rounded.scale() > 18) {
            rounded = rounded.setScale(18, RoundingMode.HALF_EVEN);
        }
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0);
        }
        return rounded.stripTrailingZeros().scale() < 0 ? rounded.setScale(0) : rounded.stripTrailingZeros();
    }
}
