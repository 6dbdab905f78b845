package org.coinpilot.signal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.macro.service.MacroContextService;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.domain.StoredIndicators;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.prediction.service.PredictionReadService;
import org.coinpilot.prediction.service.PredictionReadService.LivePrediction;
import org.coinpilot.signal.config.SignalsConfig;
import org.coinpilot.signal.domain.SignalRules;
import org.coinpilot.signal.domain.SignalRules.Decision;
import org.coinpilot.signal.domain.SignalRules.Skip;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.SignalType;
import org.coinpilot.signal.domain.TradingSignal;
import org.coinpilot.signal.persistence.TradingSignalRepository;

/**
 * {@code signal.signals.generate} (docs/signals.md "Generation"): the newest live prediction of every active model
 * version and asset, judged with the asset's newest candle, gap registry and stored indicators on the model's
 * timeframe and the regime known now ({@link SignalRules}), becomes at most one signal. Idempotent: a prediction that
 * already has a signal is skipped (a unique index backs it).
 */
@ApplicationScoped
public class SignalGenerationService {

    private final PredictionReadService predictions;
    private final MarketReadService market;
    private final MacroContextService macro;
    private final TradingSignalRepository signals;
    private final Transactions tx;
    private final Clock clock;
    private final SignalRules.Settings settings;

    public SignalGenerationService(
            PredictionReadService predictions,
            MarketReadService market,
            MacroContextService macro,
            TradingSignalRepository signals,
            Transactions tx,
            Clock clock,
            SignalsConfig config) {
        this.predictions = predictions;
        this.market = market;
        this.macro = macro;
        this.signals = signals;
        this.tx = tx;
        this.clock = clock;
        SignalsConfig.Generation g = config.generation();
        this.settings = new SignalRules.Settings(
                g.minMovePercent(),
                g.minConfidence(),
                g.maxMase(),
                g.stopAtrMultiple(),
                g.minRiskReward(),
                g.rsiOverbought(),
                g.rsiOversold(),
                g.trendIndicator(),
                g.atrIndicator(),
                g.rsiIndicator(),
                g.lowRiskBelowPercent(),
                g.mediumRiskBelowPercent(),
                g.highRiskBelowPercent());
    }

    /** What one run did: predictions looked at, signals made, and why the others made none. */
    public record GenerationReport(int predictions, List<Long> created, Map<Skip, Integer> skipped) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("predictions", predictions);
            map.put("created", created.size());
            Map<String, Integer> reasons = new LinkedHashMap<>();
            skipped.forEach((k, v) -> reasons.put(k.name().toLowerCase(Locale.ROOT), v));
            map.put("skipped", reasons);
            return map;
        }
    }

    /** Generates at the clock's now. */
    public Uni<GenerationReport> generate() {
        return generate(Times.now(clock));
    }

    /** Generates from what was known at {@code now}. */
    public Uni<GenerationReport> generate(Instant now) {
        return predictions.newestLive(now).chain(live -> {
            if (live.isEmpty()) {
                return Uni.createFrom().item(new GenerationReport(0, List.of(), new EnumMap<>(Skip.class)));
            }
            return macro.asOf(now).chain(context -> {
                String regime =
                        context.regime() == null ? null : context.regime().dbValue();
                return marketInputs(live).chain(inputs -> decideAndStore(now, live, inputs, regime));
            });
        });
    }

    /** The market's state of each timeframe the predictions need. */
    private record TimeframeInputs(
            Map<Long, Quote> quotes, Map<Long, StoredIndicators> indicators, Set<Long> openGaps) {}

    private Uni<Map<Timeframe, TimeframeInputs>> marketInputs(List<LivePrediction> live) {
        Map<Timeframe, List<Long>> assetsByTimeframe = live.stream()
                .filter(p -> p.timeframe() != null)
                .collect(Collectors.groupingBy(
                        LivePrediction::timeframe,
                        LinkedHashMap::new,
                        Collectors.mapping(LivePrediction::cryptoId, Collectors.toList())));
        Uni<Map<Timeframe, TimeframeInputs>> chain = Uni.createFrom().item(new LinkedHashMap<>());
        for (Map.Entry<Timeframe, List<Long>> entry : assetsByTimeframe.entrySet()) {
            Timeframe tf = entry.getKey();
            List<Long> ids = entry.getValue();
            chain = chain.chain(map -> market.latestQuotes(ids, tf)
                    .chain(quotes -> market.latestIndicators(ids, tf)
                            .chain(indicators -> market.withOpenGaps(ids, tf).map(gaps -> {
                                map.put(tf, new TimeframeInputs(quotes, indicators, gaps));
                                return map;
                            }))));
        }
        return chain;
    }

    private Uni<GenerationReport> decideAndStore(
            Instant now, List<LivePrediction> live, Map<Timeframe, TimeframeInputs> inputs, String regime) {
        Set<Long> ids = live.stream().map(LivePrediction::id).collect(Collectors.toSet());
        return tx.write(() -> signals.predictionsWithSignals(ids)
                .chain(done -> signals.activeModelAssets(now).chain(active -> {
                    Set<Long> signalled = new HashSet<>(done);
                    Set<String> activeKeys = new HashSet<>();
                    active.forEach(row -> activeKeys.add(row[0] + ":" + row[1]));
                    Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
                    List<Candidate> made = new ArrayList<>();
                    for (LivePrediction p : live) {
                        Skip skip = null;
                        Decision decision = null;
                        if (signalled.contains(p.id())) {
                            skip = Skip.ALREADY_SIGNALLED;
                        } else if (activeKeys.contains(p.modelId() + ":" + p.cryptoId())) {
                            skip = Skip.ALREADY_ACTIVE;
                        } else {
                            decision = SignalRules.decide(inputsOf(p, inputs, regime), settings);
                            skip = decision.skip();
                        }
                        if (skip != null) {
                            skipped.merge(skip, 1, Integer::sum);
                        } else {
                            made.add(new Candidate(p, decision));
                        }
                    }
                    // the models must agree on an asset's direction: opposite signals on one asset make none
                    Map<Long, Set<SignalType>> directions = new HashMap<>();
                    made.forEach(c -> directions
                            .computeIfAbsent(c.prediction().cryptoId(), k -> new HashSet<>())
                            .add(c.decision().type()));
                    List<TradingSignal> rows = new ArrayList<>();
                    for (Candidate c : made) {
                        if (directions.get(c.prediction().cryptoId()).size() > 1) {
                            skipped.merge(Skip.CONFLICT, 1, Integer::sum);
                            continue;
                        }
                        rows.add(toSignal(c, regime, now));
                    }
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(new GenerationReport(live.size(), List.of(), skipped));
                    }
                    return signals.persist(rows)
                            .call(signals::flush)
                            .map(ignored -> new GenerationReport(
                                    live.size(), rows.stream().map(s -> s.id).toList(), skipped));
                })));
    }

    private record Candidate(LivePrediction prediction, Decision decision) {}

    static SignalRules.Inputs inputsOf(LivePrediction p, Map<Timeframe, TimeframeInputs> byTimeframe, String regime) {
        TimeframeInputs in = p.timeframe() == null ? null : byTimeframe.get(p.timeframe());
        Quote quote = in == null ? null : in.quotes().get(p.cryptoId());
        StoredIndicators indicators = in == null ? null : in.indicators().get(p.cryptoId());
        return new SignalRules.Inputs(
                p.timeframe(),
                p.horizon(),
                p.predictedPrice(),
                p.inputPrice(),
                p.confidence(),
                p.targetDatetime(),
                p.heldOutMase(),
                quote == null ? null : quote.candleTime(),
                quote == null ? null : quote.close(),
                quote != null && quote.stale(),
                in != null && in.openGaps().contains(p.cryptoId()),
                indicators == null ? null : indicators.candleTime(),
                indicators == null ? Map.of() : indicators.values(),
                regime);
    }

    private static TradingSignal toSignal(Candidate c, String regime, Instant now) {
        LivePrediction p = c.prediction();
        Decision d = c.decision();
        TradingSignal s = new TradingSignal();
        s.cryptoId = p.cryptoId();
        s.predictionId = p.id();
        s.signalType = d.type();
        s.entryPrice = d.entry();
        s.targetPrice = d.target();
        s.stopLoss = d.stop();
        s.riskRewardRatio = d.riskReward();
        s.riskLevel = d.riskLevel();
        s.timeHorizonHours = d.horizonHours();
        s.expiresAt = d.expiresAt();
        s.status = SignalStatus.ACTIVE;
        s.aiModelId = p.modelId();
        s.modelName = p.modelName();
        s.modelVersion = p.modelVersion();
        s.timeframe = p.timeframe();
        s.inputCloseTime = d.inputCloseTime();
        s.regime = regime;
        s.rationale = d.rationale();
        s.createdAt = now;
        return s;
    }
}
