package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.prediction.api.ModelResponse;
import org.coinpilot.prediction.api.RegisterModelRequest;
import org.coinpilot.prediction.api.UpdateModelRequest;
import org.coinpilot.prediction.config.PredictionConfig;
import org.coinpilot.prediction.domain.ModelArchitecture;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.domain.ModelType;
import org.coinpilot.prediction.domain.TargetVariable;
import org.coinpilot.prediction.domain.forecast.Forecaster;
import org.coinpilot.prediction.domain.forecast.Forecasters;
import org.coinpilot.prediction.domain.forecast.NaiveForecaster;
import org.coinpilot.prediction.domain.forecast.Training;
import org.coinpilot.prediction.domain.forecast.WalkForward;

/**
 * Trains the baseline models on stored candles (docs/predictions.md "Baseline models"): for every supported asset ×
 * configured timeframe × horizon, the naive forecast is registered once as the yardstick and kept active, and each
 * trained method (drift, ridge) gets a new version per run with its walk-forward scores on held-out data. The new
 * version becomes active only when it beats the active version of its name on that same held-out data (lower MAE, so
 * lower MASE), or when its name has no active version. The arithmetic runs on a worker thread, never on the event
 * loop.
 */
@ApplicationScoped
public class ModelTrainingService {

    static final String NAIVE_VERSION = "1";

    /** What one run did. */
    public record Report(int series, List<String> registered, List<String> promoted, List<String> skipped) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("series", series);
            map.put("registered", registered);
            map.put("promoted", promoted);
            map.put("skipped", skipped);
            return map;
        }
    }

    private record Target(AssetRef asset, Timeframe timeframe, int horizon) {
        String name(String method) {
            return method + "-" + asset.symbol() + "-" + timeframe.code() + "-h" + horizon;
        }

        String label() {
            return asset.symbol() + " " + timeframe.code() + " h" + horizon;
        }
    }

    private record Computed(
            Training.Split split, Map<String, Training.Result> results, Map<String, WalkForward.Metrics> active) {}

    private final MarketReadService market;
    private final CandleSeriesService candles;
    private final ModelRegistryService registry;
    private final PredictionConfig.Training config;
    private final Vertx vertx;
    private final Clock clock;

    public ModelTrainingService(
            MarketReadService market,
            CandleSeriesService candles,
            ModelRegistryService registry,
            PredictionConfig config,
            Vertx vertx,
            Clock clock) {
        this.market = market;
        this.candles = candles;
        this.registry = registry;
        this.config = config.training();
        this.vertx = vertx;
        this.clock = clock;
    }

    /** One run over every supported asset × timeframe × horizon, one series after the other. */
    public Uni<Report> trainAll() {
        List<Timeframe> timeframes =
                config.timeframes().stream().map(Timeframe::fromCode).toList();
        Report report = new Report(0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        return market.supportedAssets()
                .map(assets -> {
                    List<Target> targets = new ArrayList<>();
                    for (AssetRef asset : assets) {
                        for (Timeframe timeframe : timeframes) {
                            for (int horizon : config.horizons()) {
                                targets.add(new Target(asset, timeframe, horizon));
                            }
                        }
                    }
                    return targets;
                })
                .chain(targets -> Multi.createFrom()
                        .iterable(targets)
                        .onItem()
                        .transformToUniAndConcatenate(target -> train(target, report))
                        .collect()
                        .asList()
                        .map(done ->
                                new Report(done.size(), report.registered(), report.promoted(), report.skipped())));
    }

    private Uni<Boolean> train(Target target, Report report) {
        Instant now = Times.now(clock);
        return candles.series(target.asset().id(), target.timeframe(), null).chain(series -> {
            int size = series.size();
            int from = Math.max(0, size - config.maxCandles());
            double[] closes = Arrays.copyOfRange(series.close(), from, size);
            Instant[] times = Arrays.copyOfRange(series.times(), from, size);
            if (closes.length < config.minCandles()) {
                report.skipped()
                        .add(target.label() + ": " + closes.length + " candles, " + config.minCandles() + " needed");
                return Uni.createFrom().item(false);
            }
            List<String> names = new ArrayList<>();
            names.add(target.name("naive"));
            Forecasters.TRAINED.forEach(method -> names.add(target.name(method)));
            return registry.state(names)
                    .chain(state -> vertx.executeBlocking(() -> compute(closes, target.horizon(), target, state), false)
                            .chain(computed -> record(target, times, computed, state, now, report)))
                    .replaceWith(true);
        });
    }

    private Computed compute(double[] closes, int horizon, Target target, ModelRegistryService.NamesState state) {
        Training training = new Training(closes, horizon, config.holdoutFraction());
        Map<String, Training.Result> results = new LinkedHashMap<>();
        Map<String, WalkForward.Metrics> active = new LinkedHashMap<>();
        for (String method : Forecasters.TRAINED) {
            results.put(method, training.train(method));
            ModelResponse current = state.active().get(target.name(method));
            Forecaster forecaster = current == null ? null : Forecasters.fromConfiguration(current.configuration());
            if (forecaster != null) {
                active.put(method, training.heldOut(forecaster));
            }
        }
        return new Computed(training.split(), results, active);
    }

    private Uni<Void> record(
            Target target,
            Instant[] times,
            Computed computed,
            ModelRegistryService.NamesState state,
            Instant now,
            Report report) {
        Map<String, Object> range = Map.of(
                "from", times[0].toString(),
                "heldOutFrom", times[computed.split().heldOutFrom()].toString(),
                "to", times[times.length - 1].toString());
        WalkForward.Metrics naive =
                computed.results().values().iterator().next().naiveHeldOut();
        Uni<Void> chain = naive(target, state, range, naive, now, report);
        for (Training.Result result : computed.results().values()) {
            chain = chain.chain(
                    () -> version(target, result, computed.active().get(result.method()), state, range, now, report));
        }
        return chain;
    }

    /** The yardstick: registered once per series and kept active; its held-out scores refreshed every run. */
    private Uni<Void> naive(
            Target target,
            ModelRegistryService.NamesState state,
            Map<String, Object> range,
            WalkForward.Metrics naive,
            Instant now,
            Report report) {
        String name = target.name("naive");
        Map<String, Object> metrics = Map.of("heldOut", naive.toMap(), "range", range);
        ModelResponse current = state.active().get(name);
        if (current != null) {
            return registry.update(current.id(), new UpdateModelRequest(null, metrics, null, null, null, now))
                    .replaceWithVoid();
        }
        return registry.register(request(
                        name,
                        NAIVE_VERSION,
                        new NaiveForecaster(),
                        ModelArchitecture.BASELINE,
                        target,
                        trained(range),
                        metrics,
                        now,
                        "the naive forecast (last close), the yardstick"))
                .onFailure(org.coinpilot.common.problem.ConflictException.class)
                .recoverWithNull() // registered earlier but switched off by an operator: leave it so
                .chain(created -> {
                    if (created == null) {
                        return Uni.createFrom().voidItem();
                    }
                    report.registered().add(name + " " + NAIVE_VERSION);
                    return registry.activate(created.id()).replaceWithVoid();
                });
    }

    private Uni<Void> version(
            Target target,
            Training.Result result,
            WalkForward.Metrics active,
            ModelRegistryService.NamesState state,
            Map<String, Object> range,
            Instant now,
            Report report) {
        String name = target.name(result.method());
        ModelResponse current = state.active().get(name);
        String version = "v" + (state.versions().getOrDefault(name, 0L) + 1);
        boolean promote = current == null || (active != null && result.heldOut().mae() < active.mae());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("heldOut", result.heldOut().toMap());
        metrics.put("naiveHeldOut", result.naiveHeldOut().toMap());
        metrics.put("validationMae", result.validationMae());
        metrics.put("range", range);
        if (current != null) {
            Map<String, Object> compared = new LinkedHashMap<>();
            compared.put("id", current.id());
            compared.put("version", current.version());
            compared.put("heldOut", active == null ? null : active.toMap());
            metrics.put("comparedWithActive", compared);
        }
        metrics.put("promoted", promote);
        String notes =
                "chosen on validation by MAE from " + result.validationMae().size() + " candidates; "
                        + (promote
                                ? (current == null
                                        ? "first version: activated"
                                        : "beat " + current.version() + " on held-out: activated")
                                : "did not beat " + current.version() + " on held-out: inactive");
        ModelArchitecture architecture =
                result.method().equals("ridge") ? ModelArchitecture.REGRESSION : ModelArchitecture.BASELINE;
        return registry.register(request(
                        name, version, result.chosen(), architecture, target, trained(range), metrics, now, notes))
                .invoke(created -> report.registered().add(name + " " + version))
                .chain(created -> {
                    if (!promote) {
                        return Uni.createFrom().voidItem();
                    }
                    report.promoted().add(name + " " + version);
                    return registry.activate(created.id()).replaceWithVoid();
                });
    }

    /** The data the choice was made on: from the first candle to the start of the held-out part. */
    private static RegisterModelRequest.TrainingRange trained(Map<String, Object> range) {
        return new RegisterModelRequest.TrainingRange(
                Instant.parse((String) range.get("from")), Instant.parse((String) range.get("heldOutFrom")));
    }

    private static RegisterModelRequest request(
            String name,
            String version,
            Forecaster forecaster,
            ModelArchitecture architecture,
            Target target,
            RegisterModelRequest.TrainingRange trainingRange,
            Map<String, Object> metrics,
            Instant now,
            String notes) {
        Map<String, Object> configuration = new LinkedHashMap<>(forecaster.configuration());
        configuration.put("horizon", target.horizon());
        configuration.put("cryptoId", target.asset().id());
        return new RegisterModelRequest(
                name,
                version,
                architecture,
                ModelType.ASSET,
                ModelStatus.INACTIVE,
                configuration,
                List.of("log_close"),
                trainingRange,
                target.timeframe(),
                TargetVariable.PRICE,
                Map.of("close", "the series' closes up to the forecast origin"),
                notes,
                metrics,
                now);
    }
}
