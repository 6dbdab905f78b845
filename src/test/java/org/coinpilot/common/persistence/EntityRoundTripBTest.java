package org.coinpilot.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coinpilot.alert.domain.AlertCondition;
import org.coinpilot.alert.domain.AlertType;
import org.coinpilot.alert.domain.NotificationMethod;
import org.coinpilot.alert.domain.SignalAlert;
import org.coinpilot.alert.persistence.SignalAlertRepository;
import org.coinpilot.notification.domain.Notification;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.domain.NotificationStatus;
import org.coinpilot.notification.domain.NotificationType;
import org.coinpilot.notification.persistence.NotificationRepository;
import org.coinpilot.portfolio.domain.ActionSource;
import org.coinpilot.portfolio.domain.AssetType;
import org.coinpilot.portfolio.domain.InvestmentTimeframe;
import org.coinpilot.portfolio.domain.MarketSentiment;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.PrimarySetup;
import org.coinpilot.portfolio.domain.RiskCategory;
import org.coinpilot.portfolio.domain.TradeAction;
import org.coinpilot.portfolio.domain.TradeActionType;
import org.coinpilot.portfolio.domain.TradeStatus;
import org.coinpilot.portfolio.domain.VolumeProfile;
import org.coinpilot.portfolio.persistence.PositionRepository;
import org.coinpilot.portfolio.persistence.TradeActionRepository;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.ModelArchitecture;
import org.coinpilot.prediction.domain.ModelPerformance;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.domain.ModelType;
import org.coinpilot.prediction.domain.Prediction;
import org.coinpilot.prediction.domain.TargetVariable;
import org.coinpilot.prediction.persistence.AiModelRepository;
import org.coinpilot.prediction.persistence.ModelPerformanceRepository;
import org.coinpilot.prediction.persistence.PredictionRepository;
import org.coinpilot.recommendation.domain.AiRecommendation;
import org.coinpilot.recommendation.domain.PriorityLevel;
import org.coinpilot.recommendation.domain.RecommendationStatus;
import org.coinpilot.recommendation.domain.RecommendationType;
import org.coinpilot.recommendation.domain.TargetEntityType;
import org.coinpilot.recommendation.persistence.AiRecommendationRepository;
import org.coinpilot.signal.domain.RiskLevel;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.SignalType;
import org.coinpilot.signal.domain.TradingSignal;
import org.coinpilot.signal.persistence.TradingSignalRepository;
import org.coinpilot.watchlist.domain.PositionType;
import org.coinpilot.watchlist.domain.Watchlist;
import org.coinpilot.watchlist.domain.WatchlistAsset;
import org.coinpilot.watchlist.domain.WatchlistType;
import org.coinpilot.watchlist.persistence.WatchlistAssetRepository;
import org.coinpilot.watchlist.persistence.WatchlistRepository;
import org.junit.jupiter.api.Test;

/**
 * Round trip of the watchlist, portfolio, signal, prediction, recommendation, alert and notification
 * entities through the real schema: every column written with a meaningful non-default value is read back
 * unchanged in a new session; rows with only the required fields get the migration's defaults (and the
 * entity initialisers equal those defaults); {@code @Version} increments and detects a concurrent writer;
 * every enum's database values are exactly the values its CHECK constraint allows.
 *
 * <p>Parent rows (users, cryptocurrencies) are inserted with native SQL, so the test does not depend on the
 * identity/market entities. Every value that must be unique carries a random suffix.
 */
@QuarkusTest
class EntityRoundTripBTest {

    private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.123456Z");
    private static final Instant T1 = Instant.parse("2025-02-03T04:05:06.654321Z");
    private static final Instant T2 = Instant.parse("2025-03-04T05:06:07.000001Z");
    private static final Instant T3 = Instant.parse("2025-04-05T06:07:08.999999Z");
    private static final Instant T4 = Instant.parse("2025-05-06T07:08:09.100200Z");

    /** An 18-decimal price (numeric(38,18)). */
    private static final String PRICE = "65432.123456789012345678";

    private static final Map<String, Object> JSON = Map.of(
            "source",
            "round-trip ✓",
            "count",
            42,
            "ratio",
            "0.25",
            "enabled",
            true,
            "levels",
            List.of(1, 2, 3),
            "nested",
            Map.of("rsi", Map.of("period", 14, "values", List.of("oversold", "neutral")), "tags", List.of()));

    private static final List<String> FEATURES = List.of("rsi_14", "macd_signal", "volume_zscore");

    @Inject
    WatchlistRepository watchlists;

    @Inject
    WatchlistAssetRepository watchlistAssets;

    @Inject
    PositionRepository positions;

    @Inject
    TradeActionRepository tradeActions;

    @Inject
    TradingSignalRepository signals;

    @Inject
    AiModelRepository models;

    @Inject
    PredictionRepository predictions;

    @Inject
    ModelPerformanceRepository performances;

    @Inject
    AiRecommendationRepository recommendations;

    @Inject
    SignalAlertRepository alerts;

    @Inject
    NotificationRepository notifications;

    @Inject
    Pool pool;

    // ---------------------------------------------------------------------------------------------------
    // Every column, written and read back in a new session
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenWatchlistsPersisted(UniAsserter asserter) {
        Watchlist personal = new Watchlist();
        Watchlist system = new Watchlist();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            personal.name = "Momentum " + suffix();
                            personal.description = "Large caps breaking out";
                            personal.userId = p.userId;
                            personal.watchlistType = WatchlistType.PERSONAL;
                            personal.isActive = false;
                            personal.isPublic = true;
                            personal.maxAssets = 12;
                            personal.sortOrder = 3;
                            personal.createdAt = CREATED;
                            system.name = "System " + suffix();
                            system.watchlistType = WatchlistType.DEFAULT;
                            return watchlists.persist(personal).chain(() -> watchlists.persist(system));
                        }))
                        .chain(() -> Panache.withSession(() -> watchlists
                                .findById(personal.id)
                                .chain(a -> watchlists.findById(system.id).map(b -> List.of(a, b))))),
                loaded -> {
                    Watchlist w = loaded.get(0);
                    assertThat(w).isNotSameAs(personal);
                    assertThat(w.name).isEqualTo(personal.name);
                    assertThat(w.description).isEqualTo("Large caps breaking out");
                    assertThat(w.userId).isEqualTo(personal.userId);
                    assertThat(w.watchlistType).isEqualTo(WatchlistType.PERSONAL);
                    assertThat(w.isActive).isFalse();
                    assertThat(w.isPublic).isTrue();
                    assertThat(w.maxAssets).isEqualTo(12);
                    assertThat(w.sortOrder).isEqualTo(3);
                    assertThat(w.version).isZero();
                    assertAudit(w, CREATED);
                    Watchlist s = loaded.get(1);
                    assertThat(s.userId).isNull();
                    assertThat(s.watchlistType).isEqualTo(WatchlistType.DEFAULT);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenWatchlistAssetPersisted(UniAsserter asserter) {
        WatchlistAsset asset = new WatchlistAsset();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Watchlist list = new Watchlist();
                            list.name = "Assets " + suffix();
                            list.userId = p.userId;
                            return watchlists.persist(list).chain(() -> {
                                asset.watchlistId = list.id;
                                asset.cryptoId = p.cryptoId;
                                asset.positionType = PositionType.SHORT;
                                asset.position = 7;
                                asset.notes = "Fade the rally above resistance";
                                asset.isActive = false;
                                asset.addedBy = p.userId;
                                asset.lastModifiedBy = p.otherUserId;
                                asset.createdAt = CREATED;
                                return watchlistAssets.persist(asset);
                            });
                        }))
                        .chain(() -> Panache.withSession(() -> watchlistAssets.findById(asset.id))),
                a -> {
                    assertThat(a).isNotSameAs(asset);
                    assertThat(a.watchlistId).isEqualTo(asset.watchlistId);
                    assertThat(a.cryptoId).isEqualTo(asset.cryptoId);
                    assertThat(a.positionType).isEqualTo(PositionType.SHORT);
                    assertThat(a.position).isEqualTo(7);
                    assertThat(a.notes).isEqualTo("Fade the rally above resistance");
                    assertThat(a.isActive).isFalse();
                    assertThat(a.addedBy).isEqualTo(asset.addedBy);
                    assertThat(a.lastModifiedBy).isEqualTo(asset.lastModifiedBy).isNotEqualTo(asset.addedBy);
                    assertAudit(a, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenPositionPersisted(UniAsserter asserter) {
        Position position = new Position();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            fillPosition(position, p);
                            return positions.persist(position);
                        }))
                        .chain(() -> Panache.withSession(() -> positions.findById(position.id))),
                x -> {
                    assertThat(x).isNotSameAs(position);
                    assertThat(x.userId).isEqualTo(position.userId);
                    assertThat(x.cryptoId).isEqualTo(position.cryptoId);
                    assertThat(x.assetSymbol).isEqualTo(position.assetSymbol);
                    assertThat(x.externalAssetInfo).isEqualTo(JSON);
                    assertThat(x.assetType).isEqualTo(AssetType.SHORT_POSITION);
                    assertDecimal(x.leverageRatio, "2.7500", 4);
                    assertDecimal(x.quantity, "0.000000000000000001", 18);
                    assertDecimal(x.entryPrice, PRICE, 18);
                    assertDecimal(x.exitPrice, "61234.987654321098765432", 18);
                    assertThat(x.tradeStatus).isEqualTo(TradeStatus.EXIT_PLAN);
                    assertDecimal(x.pnlRealizedUsd, "-1234.56789012", 8);
                    assertDecimal(x.allocationTargetPercent, "12.3456", 4);
                    assertThat(x.investmentThesis).isEqualTo("Funding flips negative into resistance");
                    assertThat(x.investmentTimeframe).isEqualTo(InvestmentTimeframe.MEDIUM_TERM);
                    assertThat(x.riskCategory).isEqualTo(RiskCategory.AGGRESSIVE);
                    assertDecimal(x.stopLossPrice, "70000.000000000000000001", 18);
                    assertDecimal(x.takeProfitPrice, "55000.500000000000000005", 18);
                    assertDecimal(x.maxAllocationPercent, "25.5000", 4);
                    assertThat(x.version).isZero();
                    assertAudit(x, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenTradeActionPersisted(UniAsserter asserter) {
        TradeAction trade = new TradeAction();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Position position = new Position();
                            fillPosition(position, p);
                            return positions
                                    .persist(position)
                                    .chain(() -> signalFor(p.cryptoId, null))
                                    .chain(signal -> {
                                        trade.portfolioId = position.id;
                                        trade.actionType = TradeActionType.PARTIAL_EXIT;
                                        trade.assetPrice = new BigDecimal(PRICE);
                                        trade.quantity = new BigDecimal("0.123456789012345678");
                                        trade.feesPaid = new BigDecimal("1.23456789");
                                        trade.pnlRealizedUsd = new BigDecimal("-98765.43210987");
                                        trade.timeframe = org.coinpilot.common.time.Timeframe.M15;
                                        trade.emotionState = "fear_of_missing_out";
                                        trade.confidenceLevel = 8;
                                        trade.stressLevel = 3;
                                        trade.marketSentiment = MarketSentiment.SIDEWAYS;
                                        trade.volatilityLevel = org.coinpilot.portfolio.domain.VolatilityLevel.EXTREME;
                                        trade.volumeProfile = VolumeProfile.ABOVE_AVERAGE;
                                        trade.primarySetup = PrimarySetup.TREND_FOLLOW;
                                        trade.confirmationSignals = FEATURES;
                                        trade.chartPattern = "double_bottom";
                                        trade.analysisSnapshot = JSON;
                                        trade.stopLoss = new BigDecimal("60000.000000000000000001");
                                        trade.takeProfit = new BigDecimal("72000.999999999999999999");
                                        trade.capitalAmount = new BigDecimal("25000.12345678");
                                        trade.riskPercent = new BigDecimal("1.2500");
                                        trade.reason = "take_profit_hit";
                                        trade.actionSource = ActionSource.AI_SIGNAL;
                                        trade.signalId = signal.id;
                                        trade.lessonLearned = "Scale out earlier";
                                        trade.notes = "Half closed at the first target";
                                        trade.createdAt = CREATED;
                                        return tradeActions.persist(trade);
                                    });
                        }))
                        .chain(() -> Panache.withSession(() -> tradeActions.findById(trade.id))),
                t -> {
                    assertThat(t).isNotSameAs(trade);
                    assertThat(t.portfolioId).isEqualTo(trade.portfolioId);
                    assertThat(t.actionType).isEqualTo(TradeActionType.PARTIAL_EXIT);
                    assertDecimal(t.assetPrice, PRICE, 18);
                    assertDecimal(t.quantity, "0.123456789012345678", 18);
                    assertDecimal(t.feesPaid, "1.23456789", 8);
                    assertDecimal(t.pnlRealizedUsd, "-98765.43210987", 8);
                    assertThat(t.timeframe).isEqualTo(org.coinpilot.common.time.Timeframe.M15);
                    assertThat(t.emotionState).isEqualTo("fear_of_missing_out");
                    assertThat(t.confidenceLevel).isEqualTo(8);
                    assertThat(t.stressLevel).isEqualTo(3);
                    assertThat(t.marketSentiment).isEqualTo(MarketSentiment.SIDEWAYS);
                    assertThat(t.volatilityLevel).isEqualTo(org.coinpilot.portfolio.domain.VolatilityLevel.EXTREME);
                    assertThat(t.volumeProfile).isEqualTo(VolumeProfile.ABOVE_AVERAGE);
                    assertThat(t.primarySetup).isEqualTo(PrimarySetup.TREND_FOLLOW);
                    assertThat(t.confirmationSignals).isEqualTo(FEATURES);
                    assertThat(t.chartPattern).isEqualTo("double_bottom");
                    assertThat(t.analysisSnapshot).isEqualTo(JSON);
                    assertDecimal(t.stopLoss, "60000.000000000000000001", 18);
                    assertDecimal(t.takeProfit, "72000.999999999999999999", 18);
                    assertDecimal(t.capitalAmount, "25000.12345678", 8);
                    assertDecimal(t.riskPercent, "1.2500", 4);
                    assertThat(t.reason).isEqualTo("take_profit_hit");
                    assertThat(t.actionSource).isEqualTo(ActionSource.AI_SIGNAL);
                    assertThat(t.signalId).isEqualTo(trade.signalId).isNotNull();
                    assertThat(t.lessonLearned).isEqualTo("Scale out earlier");
                    assertThat(t.notes).isEqualTo("Half closed at the first target");
                    assertAudit(t, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenTradingSignalPersisted(UniAsserter asserter) {
        TradingSignal signal = new TradingSignal();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents()
                                .chain(p -> modelAndPrediction(p.cryptoId).chain(prediction -> {
                                    signal.cryptoId = p.cryptoId;
                                    signal.predictionId = prediction.id;
                                    signal.signalType = SignalType.SHORT;
                                    signal.entryPrice = new BigDecimal(PRICE);
                                    signal.targetPrice = new BigDecimal("60000.987654321098765432");
                                    signal.stopLoss = new BigDecimal("70000.000000000000000001");
                                    signal.riskLevel = RiskLevel.EXTREME;
                                    signal.riskRewardRatio = new BigDecimal("2.3456");
                                    signal.timeHorizonHours = 36;
                                    signal.status = SignalStatus.EXECUTED;
                                    signal.expiresAt = T1;
                                    signal.createdAt = CREATED;
                                    return signals.persist(signal);
                                })))
                        .chain(() -> Panache.withSession(() -> signals.findById(signal.id))),
                s -> {
                    assertThat(s).isNotSameAs(signal);
                    assertThat(s.cryptoId).isEqualTo(signal.cryptoId);
                    assertThat(s.predictionId).isEqualTo(signal.predictionId).isNotNull();
                    assertThat(s.signalType).isEqualTo(SignalType.SHORT);
                    assertDecimal(s.entryPrice, PRICE, 18);
                    assertDecimal(s.targetPrice, "60000.987654321098765432", 18);
                    assertDecimal(s.stopLoss, "70000.000000000000000001", 18);
                    assertThat(s.riskLevel).isEqualTo(RiskLevel.EXTREME);
                    assertDecimal(s.riskRewardRatio, "2.3456", 4);
                    assertThat(s.timeHorizonHours).isEqualTo(36);
                    assertThat(s.status).isEqualTo(SignalStatus.EXECUTED);
                    assertThat(s.expiresAt).isEqualTo(T1);
                    assertAudit(s, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenAiModelPersisted(UniAsserter asserter) {
        AiModel model = new AiModel();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> {
                            model.name = "timing-ensemble-" + suffix();
                            model.version = "2.1.0-rc.1";
                            model.architecture = ModelArchitecture.ENSEMBLE;
                            model.modelType = ModelType.TIMING;
                            model.status = ModelStatus.ACTIVE; // the flag below must agree (V150)
                            model.configuration = JSON;
                            model.performanceMetrics = Map.of("mae", "0.5", "folds", List.of(Map.of("k", 1)));
                            model.trainingFeatures = FEATURES;
                            model.trainingDataRange =
                                    Map.of("from", "2024-01-01T00:00:00Z", "to", "2024-12-31T00:00:00Z");
                            model.trainingDataTimeframe = org.coinpilot.common.time.Timeframe.H4;
                            model.targetVariable = TargetVariable.EVENT_PROBABILITY;
                            model.inputSchema = Map.of("type", "object", "required", List.of("close", "volume"));
                            model.trainingNotes = "Retrained after the halving";
                            model.lastTrained = T1;
                            model.lastPrediction = T2;
                            model.healthStatus = Map.of("ok", false, "errors", List.of("drift"));
                            model.isActive = true;
                            model.createdAt = CREATED;
                            return models.persist(model);
                        })
                        .chain(() -> Panache.withSession(() -> models.findById(model.id))),
                m -> {
                    assertThat(m).isNotSameAs(model);
                    assertThat(m.name).isEqualTo(model.name);
                    assertThat(m.version).isEqualTo("2.1.0-rc.1");
                    assertThat(m.architecture).isEqualTo(ModelArchitecture.ENSEMBLE);
                    assertThat(m.modelType).isEqualTo(ModelType.TIMING);
                    assertThat(m.status).isEqualTo(ModelStatus.ACTIVE);
                    assertThat(m.configuration).isEqualTo(JSON);
                    assertThat(m.performanceMetrics).isEqualTo(model.performanceMetrics);
                    assertThat(m.trainingFeatures).isEqualTo(FEATURES);
                    assertThat(m.trainingDataRange).isEqualTo(model.trainingDataRange);
                    assertThat(m.trainingDataTimeframe).isEqualTo(org.coinpilot.common.time.Timeframe.H4);
                    assertThat(m.targetVariable).isEqualTo(TargetVariable.EVENT_PROBABILITY);
                    assertThat(m.inputSchema).isEqualTo(model.inputSchema);
                    assertThat(m.trainingNotes).isEqualTo("Retrained after the halving");
                    assertThat(m.lastTrained).isEqualTo(T1);
                    assertThat(m.lastPrediction).isEqualTo(T2);
                    assertThat(m.healthStatus).isEqualTo(model.healthStatus);
                    assertThat(m.isActive).isTrue();
                    assertAudit(m, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenPredictionPersisted(UniAsserter asserter) {
        Prediction prediction = new Prediction();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents()
                                .chain(p -> model().chain(model -> {
                                    prediction.cryptoId = p.cryptoId;
                                    prediction.aiModelsId = model.id;
                                    prediction.predictionType = "price_direction";
                                    prediction.predictedPrice = new BigDecimal(PRICE);
                                    prediction.predictedValue = JSON;
                                    prediction.confidenceScore = new BigDecimal("0.876543");
                                    prediction.predictionHorizon = 24;
                                    prediction.targetDatetime = T1;
                                    prediction.featuresUsed = FEATURES;
                                    prediction.inputPrice = new BigDecimal("64000.000000000000000001");
                                    prediction.inputFeatures = Map.of("rsi_14", 28, "window", List.of(1, 2));
                                    prediction.contextData = Map.of("regime", "bull", "dominance", Map.of("btc", 54));
                                    prediction.actualPrice = new BigDecimal("66000.999999999999999999");
                                    prediction.accuracyPercentage = new BigDecimal("-3.1416");
                                    prediction.absoluteError = new BigDecimal("568.876543210987654321");
                                    prediction.squaredError = new BigDecimal("323620.123456789012345678");
                                    prediction.isRealized = true;
                                    prediction.isAccurate = false;
                                    prediction.accuracyThreshold = new BigDecimal("2.5000");
                                    prediction.marketConditions =
                                            Map.of("volatility", "high", "spreads", List.of(5, 75));
                                    prediction.volatilityLevel = org.coinpilot.prediction.domain.VolatilityLevel.HIGH;
                                    prediction.predictionTime = new BigDecimal("0.123456");
                                    prediction.notes = "Scored after the horizon";
                                    prediction.debugInfo = Map.of("trace", List.of(Map.of("step", "load")), "ok", true);
                                    prediction.evaluatedAt = T2;
                                    prediction.createdAt = CREATED;
                                    return predictions.persist(prediction);
                                })))
                        .chain(() -> Panache.withSession(() -> predictions.findById(prediction.id))),
                x -> {
                    assertThat(x).isNotSameAs(prediction);
                    assertThat(x.cryptoId).isEqualTo(prediction.cryptoId);
                    assertThat(x.aiModelsId).isEqualTo(prediction.aiModelsId).isNotNull();
                    assertThat(x.predictionType).isEqualTo("price_direction");
                    assertDecimal(x.predictedPrice, PRICE, 18);
                    assertThat(x.predictedValue).isEqualTo(JSON);
                    assertDecimal(x.confidenceScore, "0.876543", 6);
                    assertThat(x.predictionHorizon).isEqualTo(24);
                    assertThat(x.targetDatetime).isEqualTo(T1);
                    assertThat(x.featuresUsed).isEqualTo(FEATURES);
                    assertDecimal(x.inputPrice, "64000.000000000000000001", 18);
                    assertThat(x.inputFeatures).isEqualTo(prediction.inputFeatures);
                    assertThat(x.contextData).isEqualTo(prediction.contextData);
                    assertDecimal(x.actualPrice, "66000.999999999999999999", 18);
                    assertDecimal(x.accuracyPercentage, "-3.1416", 4);
                    assertDecimal(x.absoluteError, "568.876543210987654321", 18);
                    assertDecimal(x.squaredError, "323620.123456789012345678", 18);
                    assertThat(x.isRealized).isTrue();
                    assertThat(x.isAccurate).isFalse();
                    assertDecimal(x.accuracyThreshold, "2.5000", 4);
                    assertThat(x.marketConditions).isEqualTo(prediction.marketConditions);
                    assertThat(x.volatilityLevel).isEqualTo(org.coinpilot.prediction.domain.VolatilityLevel.HIGH);
                    assertDecimal(x.predictionTime, "0.123456", 6);
                    assertThat(x.notes).isEqualTo("Scored after the horizon");
                    assertThat(x.debugInfo).isEqualTo(prediction.debugInfo);
                    assertThat(x.evaluatedAt).isEqualTo(T2);
                    assertAudit(x, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenModelPerformancePersisted(UniAsserter asserter) {
        ModelPerformance performance = new ModelPerformance();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> model().chain(model -> {
                            performance.modelId = model.id;
                            performance.evaluationMetric = "direction_accuracy";
                            performance.metricValue = new BigDecimal("-0.000000000000000001");
                            performance.evaluationDataRange = Map.of("from", "2025-01-01", "to", "2025-02-01");
                            performance.evaluationDataTimeframe = org.coinpilot.common.time.Timeframe.W1;
                            performance.evaluatedPredictionsCount = 1234;
                            performance.detailedMetrics = JSON;
                            performance.evaluationDate = T3;
                            performance.createdAt = CREATED;
                            return performances.persist(performance);
                        }))
                        .chain(() -> Panache.withSession(() -> performances.findById(performance.id))),
                x -> {
                    assertThat(x).isNotSameAs(performance);
                    assertThat(x.modelId).isEqualTo(performance.modelId);
                    assertThat(x.evaluationMetric).isEqualTo("direction_accuracy");
                    assertDecimal(x.metricValue, "-0.000000000000000001", 18);
                    assertThat(x.evaluationDataRange).isEqualTo(performance.evaluationDataRange);
                    assertThat(x.evaluationDataTimeframe).isEqualTo(org.coinpilot.common.time.Timeframe.W1);
                    assertThat(x.evaluatedPredictionsCount).isEqualTo(1234);
                    assertThat(x.detailedMetrics).isEqualTo(JSON);
                    assertThat(x.evaluationDate).isEqualTo(T3);
                    assertAudit(x, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenAiRecommendationPersisted(UniAsserter asserter) {
        AiRecommendation recommendation = new AiRecommendation();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents()
                                .chain(p -> modelAndPrediction(p.cryptoId).chain(prediction -> {
                                    recommendation.userId = p.userId;
                                    recommendation.cryptoId = p.cryptoId;
                                    recommendation.targetEntityType = TargetEntityType.WATCHLIST;
                                    recommendation.targetEntityId = 987_654_321_012L;
                                    recommendation.recommendationType = RecommendationType.POSITION_SIZING;
                                    recommendation.recommendationTitle = "Halve the position";
                                    recommendation.recommendationSummary = "Volatility doubled since entry";
                                    recommendation.recommendationPayload = JSON;
                                    recommendation.predictionId = prediction.id;
                                    recommendation.status = RecommendationStatus.IMPLEMENTED;
                                    recommendation.priorityLevel = PriorityLevel.URGENT;
                                    recommendation.userFeedback = "Worked";
                                    recommendation.userRating = 4;
                                    recommendation.outcomeResult = Map.of("actual_return", -125, "success", false);
                                    recommendation.reviewedBy = p.otherUserId;
                                    recommendation.reviewedAt = T1;
                                    recommendation.implementedAt = T2;
                                    recommendation.expiresAt = T3;
                                    recommendation.createdAt = CREATED;
                                    return recommendations.persist(recommendation);
                                })))
                        .chain(() -> Panache.withSession(() -> recommendations.findById(recommendation.id))),
                r -> {
                    assertThat(r).isNotSameAs(recommendation);
                    assertThat(r.userId).isEqualTo(recommendation.userId);
                    assertThat(r.cryptoId).isEqualTo(recommendation.cryptoId);
                    assertThat(r.targetEntityType).isEqualTo(TargetEntityType.WATCHLIST);
                    assertThat(r.targetEntityId).isEqualTo(987_654_321_012L);
                    assertThat(r.recommendationType).isEqualTo(RecommendationType.POSITION_SIZING);
                    assertThat(r.recommendationTitle).isEqualTo("Halve the position");
                    assertThat(r.recommendationSummary).isEqualTo("Volatility doubled since entry");
                    assertThat(r.recommendationPayload).isEqualTo(JSON);
                    assertThat(r.predictionId)
                            .isEqualTo(recommendation.predictionId)
                            .isNotNull();
                    assertThat(r.status).isEqualTo(RecommendationStatus.IMPLEMENTED);
                    assertThat(r.priorityLevel).isEqualTo(PriorityLevel.URGENT);
                    assertThat(r.userFeedback).isEqualTo("Worked");
                    assertThat(r.userRating).isEqualTo(4);
                    assertThat(r.outcomeResult).isEqualTo(recommendation.outcomeResult);
                    assertThat(r.reviewedBy).isEqualTo(recommendation.reviewedBy);
                    assertThat(r.reviewedAt).isEqualTo(T1);
                    assertThat(r.implementedAt).isEqualTo(T2);
                    assertThat(r.expiresAt).isEqualTo(T3);
                    assertAudit(r, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenSignalAlertPersisted(UniAsserter asserter) {
        SignalAlert alert = new SignalAlert();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            fillAlert(alert, p);
                            return alerts.persist(alert);
                        }))
                        .chain(() -> Panache.withSession(() -> alerts.findById(alert.id))),
                a -> {
                    assertThat(a).isNotSameAs(alert);
                    assertThat(a.userId).isEqualTo(alert.userId);
                    assertThat(a.cryptoId).isEqualTo(alert.cryptoId);
                    assertThat(a.alertType).isEqualTo(AlertType.PERCENTAGE_CHANGE);
                    assertDecimal(a.triggerValue, "-7.500000000000000001", 18);
                    assertThat(a.condition).isEqualTo(AlertCondition.CROSSES_DOWN);
                    assertThat(a.isActive).isFalse();
                    assertThat(a.isTriggered).isTrue();
                    assertThat(a.message).isEqualTo("BTC fell 7.5% in a day");
                    assertThat(a.notificationMethod).isEqualTo(NotificationMethod.WEBHOOK);
                    assertThat(a.triggeredAt).isEqualTo(T1);
                    assertThat(a.lastChecked).isEqualTo(T2);
                    assertThat(a.expiresAt).isEqualTo(T3);
                    assertThat(a.timeframe).isEqualTo(org.coinpilot.common.time.Timeframe.H4);
                    assertThat(a.windowCandles).isEqualTo(24);
                    assertThat(a.frequency).isEqualTo(org.coinpilot.alert.domain.AlertFrequency.EVERY_TIME);
                    assertThat(a.cooldownSeconds).isEqualTo(900);
                    assertThat(a.indicatorKey).isEqualTo("macd_12_26_9.histogram");
                    assertThat(a.indicatorPath).isEqualTo("{MACD,histogram}");
                    assertThat(a.referenceKey).isEqualTo("sma_200");
                    assertThat(a.referencePath).isEqualTo("{SMA,200}");
                    assertThat(a.notificationMethods).containsExactly("webhook", "email");
                    assertThat(a.lastFiredCandle).isEqualTo(T4);
                    assertThat(a.triggerCount).isEqualTo(3);
                    assertThat(a.armedAt).isEqualTo(T1);
                    assertThat(a.version).isZero();
                    assertAudit(a, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReadBackEveryColumnWhenNotificationPersisted(UniAsserter asserter) {
        Notification notification = new Notification();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            notification.userId = p.userId;
                            notification.notificationType = NotificationType.EDUCATIONAL;
                            notification.title = "How stops work";
                            notification.message = "A stop closes the position when the price crosses it.";
                            notification.data = JSON;
                            notification.status = NotificationStatus.DISMISSED;
                            notification.priority = NotificationPriority.URGENT;
                            notification.scheduledFor = T1;
                            notification.sentAt = T2;
                            notification.readAt = T3;
                            notification.expiresAt = T4;
                            notification.createdAt = CREATED;
                            return notifications.persist(notification);
                        }))
                        .chain(() -> Panache.withSession(() -> notifications.findById(notification.id))),
                n -> {
                    assertThat(n).isNotSameAs(notification);
                    assertThat(n.userId).isEqualTo(notification.userId);
                    assertThat(n.notificationType).isEqualTo(NotificationType.EDUCATIONAL);
                    assertThat(n.title).isEqualTo("How stops work");
                    assertThat(n.message).isEqualTo("A stop closes the position when the price crosses it.");
                    assertThat(n.data).isEqualTo(JSON);
                    assertThat(n.status).isEqualTo(NotificationStatus.DISMISSED);
                    assertThat(n.priority).isEqualTo(NotificationPriority.URGENT);
                    assertThat(n.scheduledFor).isEqualTo(T1);
                    assertThat(n.sentAt).isEqualTo(T2);
                    assertThat(n.readAt).isEqualTo(T3);
                    assertThat(n.expiresAt).isEqualTo(T4);
                    assertAudit(n, CREATED);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldStoreJsonTypesWhenJsonbColumnsWritten(UniAsserter asserter) {
        TradeAction trade = new TradeAction();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Position position = minimalPosition(p.userId);
                            return positions.persist(position).chain(() -> {
                                trade.portfolioId = position.id;
                                trade.actionType = TradeActionType.BUY;
                                trade.assetPrice = new BigDecimal("3000");
                                trade.quantity = new BigDecimal("2");
                                trade.timeframe = org.coinpilot.common.time.Timeframe.D1;
                                trade.actionSource = ActionSource.MANUAL;
                                trade.confirmationSignals = FEATURES;
                                trade.analysisSnapshot = JSON;
                                return tradeActions.persist(trade);
                            });
                        }))
                        .chain(() -> pool.preparedQuery("select jsonb_typeof(confirmation_signals) as signals,"
                                        + " jsonb_typeof(analysis_snapshot) as snapshot,"
                                        + " jsonb_typeof(analysis_snapshot -> 'count') as count,"
                                        + " jsonb_typeof(analysis_snapshot -> 'ratio') as ratio,"
                                        + " jsonb_typeof(analysis_snapshot #> '{nested,rsi,values}') as nested"
                                        + " from trade_actions where id = $1")
                                .execute(Tuple.of(trade.id))
                                .map(rows -> rows.iterator().next().toJson().getMap())),
                types -> assertThat(types)
                        .containsEntry("signals", "array")
                        .containsEntry("snapshot", "object")
                        .containsEntry("count", "number")
                        .containsEntry("nested", "array"));
    }

    @Test
    @RunOnVertxContext
    void shouldKeepFractionalJsonNumbersWhenJsonbColumnWritten(UniAsserter asserter) {
        Notification notification = new Notification();
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            notification.userId = p.userId;
                            notification.notificationType = NotificationType.SYSTEM;
                            notification.title = "Fractions";
                            notification.message = "0.25 must stay a number";
                            notification.data = Map.of("ratio", 0.25);
                            return notifications.persist(notification);
                        }))
                        .chain(() -> pool.preparedQuery(
                                        "select jsonb_typeof(data -> 'ratio') as ratio from notifications where id = $1")
                                .execute(Tuple.of(notification.id))
                                .map(rows -> rows.iterator().next().getString("ratio"))),
                type -> assertThat(type).isEqualTo("number"));
    }

    // ---------------------------------------------------------------------------------------------------
    // Defaults: a row with only the required fields, written through the entity and through native SQL
    // (where the migration's DEFAULTs apply); both must read back the same defaults.
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenWatchlistsHaveOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Watchlist w = new Watchlist();
                            w.name = "Minimal " + suffix();
                            w.userId = p.userId;
                            return watchlists
                                    .persist(w)
                                    .chain(() -> insert(
                                            "insert into watchlists (name, user_id) values (:name, :user) returning id",
                                            "name",
                                            "Native " + suffix(),
                                            "user",
                                            p.userId))
                                    .map(nativeId -> List.of(w.id, nativeId));
                        }))
                        .chain(ids -> Panache.withSession(
                                () -> watchlists.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, w -> {
                    assertThat(w.description).isNull();
                    assertThat(w.watchlistType).isEqualTo(WatchlistType.PERSONAL);
                    assertThat(w.isActive).isTrue();
                    assertThat(w.isPublic).isFalse();
                    assertThat(w.maxAssets).isEqualTo(50);
                    assertThat(w.sortOrder).isZero();
                    assertThat(w.version).isZero();
                    assertAuditSet(w);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenWatchlistAssetHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Watchlist list = new Watchlist();
                            list.name = "Defaults " + suffix();
                            list.userId = p.userId;
                            WatchlistAsset a = new WatchlistAsset();
                            return watchlists
                                    .persist(list)
                                    .chain(() -> {
                                        a.watchlistId = list.id;
                                        a.cryptoId = p.cryptoId;
                                        return watchlistAssets.persist(a);
                                    })
                                    .chain(() -> insertCrypto())
                                    .chain(otherCrypto -> insert(
                                            "insert into watchlist_assets (watchlist_id, crypto_id) values (:list, :crypto)"
                                                    + " returning id",
                                            "list",
                                            list.id,
                                            "crypto",
                                            otherCrypto))
                                    .map(nativeId -> List.of(a.id, nativeId));
                        }))
                        .chain(ids -> Panache.withSession(
                                () -> watchlistAssets.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, a -> {
                    assertThat(a.positionType).isNull();
                    assertThat(a.position).isZero();
                    assertThat(a.notes).isNull();
                    assertThat(a.isActive).isTrue();
                    assertThat(a.addedBy).isNull();
                    assertThat(a.lastModifiedBy).isNull();
                    assertAuditSet(a);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenPositionHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Position x = minimalPosition(p.userId);
                            return positions
                                    .persist(x)
                                    .chain(() -> insert(
                                            "insert into portfolio (user_id, asset_symbol, asset_type, trade_status)"
                                                    + " values (:user, 'ETH', 'crypto_asset', 'open') returning id",
                                            "user",
                                            p.userId))
                                    .map(nativeId -> List.of(x.id, nativeId));
                        }))
                        .chain(ids -> Panache.withSession(
                                () -> positions.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, x -> {
                    assertThat(x.cryptoId).isNull();
                    assertThat(x.externalAssetInfo).isNull();
                    assertThat(x.assetType).isEqualTo(AssetType.CRYPTO_ASSET);
                    assertThat(x.tradeStatus).isEqualTo(TradeStatus.OPEN);
                    assertDecimal(x.leverageRatio, "1", 4);
                    assertDecimal(x.quantity, "0", 18);
                    assertThat(x.entryPrice).isNull();
                    assertThat(x.exitPrice).isNull();
                    assertDecimal(x.pnlRealizedUsd, "0", 8);
                    assertThat(x.allocationTargetPercent).isNull();
                    assertThat(x.investmentThesis).isNull();
                    assertThat(x.investmentTimeframe).isNull();
                    assertThat(x.riskCategory).isEqualTo(RiskCategory.MODERATE);
                    assertThat(x.stopLossPrice).isNull();
                    assertThat(x.takeProfitPrice).isNull();
                    assertDecimal(x.maxAllocationPercent, "10", 4);
                    assertThat(x.version).isZero();
                    assertAuditSet(x);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenTradeActionHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Position position = minimalPosition(p.userId);
                            TradeAction t = new TradeAction();
                            return positions
                                    .persist(position)
                                    .chain(() -> {
                                        t.portfolioId = position.id;
                                        t.actionType = TradeActionType.BUY;
                                        t.assetPrice = new BigDecimal("3000");
                                        t.quantity = new BigDecimal("2");
                                        t.timeframe = org.coinpilot.common.time.Timeframe.D1;
                                        t.actionSource = ActionSource.MANUAL;
                                        return tradeActions.persist(t);
                                    })
                                    .chain(() -> insert(
                                            "insert into trade_actions (portfolio_id, action_type, asset_price, quantity,"
                                                    + " timeframe, action_source) values (:position, 'buy', 3000, 2, '1d',"
                                                    + " 'manual') returning id",
                                            "position",
                                            position.id))
                                    .map(nativeId -> List.of(t.id, nativeId));
                        }))
                        .chain(ids -> Panache.withSession(
                                () -> tradeActions.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, t -> {
                    assertThat(t.actionType).isEqualTo(TradeActionType.BUY);
                    assertDecimal(t.assetPrice, "3000", 18);
                    assertDecimal(t.quantity, "2", 18);
                    assertThat(t.timeframe).isEqualTo(org.coinpilot.common.time.Timeframe.D1);
                    assertThat(t.actionSource).isEqualTo(ActionSource.MANUAL);
                    assertDecimal(t.feesPaid, "0", 8);
                    assertDecimal(t.pnlRealizedUsd, "0", 8);
                    assertThat(t.emotionState).isNull();
                    assertThat(t.confidenceLevel).isNull();
                    assertThat(t.confirmationSignals).isNull();
                    assertThat(t.analysisSnapshot).isNull();
                    assertThat(t.signalId).isNull();
                    assertAuditSet(t);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenTradingSignalHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents()
                                .chain(p -> signalFor(p.cryptoId, null)
                                        .chain(s -> insert(
                                                        "insert into trading_signals (crypto_id, signal_type, entry_price)"
                                                                + " values (:crypto, 'long', 100) returning id",
                                                        "crypto",
                                                        p.cryptoId)
                                                .map(nativeId -> List.of(s.id, nativeId)))))
                        .chain(ids -> Panache.withSession(
                                () -> signals.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, s -> {
                    assertThat(s.signalType).isEqualTo(SignalType.LONG);
                    assertDecimal(s.entryPrice, "100", 18);
                    assertThat(s.predictionId).isNull();
                    assertThat(s.targetPrice).isNull();
                    assertThat(s.stopLoss).isNull();
                    assertThat(s.riskLevel).isNull();
                    assertThat(s.timeHorizonHours).isNull();
                    assertThat(s.status).isEqualTo(SignalStatus.ACTIVE);
                    assertThat(s.expiresAt).isNull();
                    assertAuditSet(s);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenAiModelHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> model().chain(m -> insert(
                                        "insert into ai_models (name, version, architecture, model_type)"
                                                + " values (:name, '1.0.0', 'baseline', 'asset') returning id",
                                        "name",
                                        "native-" + suffix())
                                .map(nativeId -> List.of(m.id, nativeId))))
                        .chain(ids ->
                                Panache.withSession(() -> models.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, m -> {
                    assertThat(m.architecture).isEqualTo(ModelArchitecture.BASELINE);
                    assertThat(m.modelType).isEqualTo(ModelType.ASSET);
                    assertThat(m.status).isEqualTo(ModelStatus.INACTIVE);
                    assertThat(m.configuration).isNull();
                    assertThat(m.trainingFeatures).isNull();
                    assertThat(m.trainingDataTimeframe).isNull();
                    assertThat(m.targetVariable).isNull();
                    assertThat(m.lastTrained).isNull();
                    assertThat(m.isActive).isFalse();
                    assertAuditSet(m);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenPredictionHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> {
                            Prediction x = new Prediction();
                            x.predictionType = "trend";
                            x.targetDatetime = T4;
                            return predictions
                                    .persist(x)
                                    .chain(() -> insert(
                                            "insert into predictions (prediction_type, target_datetime)"
                                                    + " values ('trend', :target) returning id",
                                            "target",
                                            T4))
                                    .map(nativeId -> List.of(x.id, nativeId));
                        })
                        .chain(ids -> Panache.withSession(
                                () -> predictions.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, x -> {
                    assertThat(x.cryptoId).isNull();
                    assertThat(x.aiModelsId).isNull();
                    assertThat(x.predictionType).isEqualTo("trend");
                    assertThat(x.targetDatetime).isEqualTo(T4);
                    assertThat(x.predictedPrice).isNull();
                    assertThat(x.featuresUsed).isNull();
                    assertThat(x.isRealized).isFalse();
                    assertThat(x.isAccurate).isNull();
                    assertThat(x.volatilityLevel).isNull();
                    assertThat(x.evaluatedAt).isNull();
                    assertAuditSet(x);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenModelPerformanceHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> model().chain(m -> {
                            ModelPerformance x = new ModelPerformance();
                            x.modelId = m.id;
                            x.evaluationMetric = "mae";
                            return performances
                                    .persist(x)
                                    .chain(() -> insert(
                                            "insert into model_performance (model_id, evaluation_metric)"
                                                    + " values (:model, 'mae') returning id",
                                            "model",
                                            m.id))
                                    .map(nativeId -> List.of(x.id, nativeId));
                        }))
                        .chain(ids -> Panache.withSession(
                                () -> performances.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, x -> {
                    assertThat(x.evaluationMetric).isEqualTo("mae");
                    assertThat(x.metricValue).isNull();
                    assertThat(x.evaluationDataTimeframe).isNull();
                    assertThat(x.evaluatedPredictionsCount).isNull();
                    // DEFAULT now() is the transaction start, the same instant as created_at's default; the
                    // entity copies createdAt (the application clock) instead.
                    assertThat(x.evaluationDate).isNotNull().isEqualTo(x.createdAt);
                    assertAuditSet(x);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenAiRecommendationHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> {
                            AiRecommendation r = new AiRecommendation();
                            r.targetEntityType = TargetEntityType.STRATEGY;
                            r.recommendationType = RecommendationType.LEARNING;
                            r.recommendationTitle = "Journal every trade";
                            return recommendations
                                    .persist(r)
                                    .chain(() -> insert(
                                            "insert into ai_recommendations (target_entity_type, recommendation_type,"
                                                    + " recommendation_title) values ('strategy', 'learning',"
                                                    + " 'Journal every trade') returning id"))
                                    .map(nativeId -> List.of(r.id, nativeId));
                        })
                        .chain(ids -> Panache.withSession(
                                () -> recommendations.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, r -> {
                    assertThat(r.userId).isNull();
                    assertThat(r.targetEntityType).isEqualTo(TargetEntityType.STRATEGY);
                    assertThat(r.targetEntityId).isNull();
                    assertThat(r.recommendationType).isEqualTo(RecommendationType.LEARNING);
                    assertThat(r.recommendationPayload).isNull();
                    assertThat(r.status).isEqualTo(RecommendationStatus.PENDING);
                    assertThat(r.priorityLevel).isEqualTo(PriorityLevel.MEDIUM);
                    assertThat(r.userRating).isNull();
                    assertThat(r.reviewedAt).isNull();
                    assertAuditSet(r);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenSignalAlertHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            SignalAlert a = new SignalAlert();
                            a.userId = p.userId;
                            a.cryptoId = p.cryptoId;
                            a.alertType = AlertType.SIGNAL_GENERATED;
                            return alerts.persist(a)
                                    .chain(() -> insert(
                                            "insert into signal_alerts (user_id, crypto_id, alert_type)"
                                                    + " values (:user, :crypto, 'signal_generated') returning id",
                                            "user",
                                            p.userId,
                                            "crypto",
                                            p.cryptoId))
                                    .map(nativeId -> List.of(a.id, nativeId));
                        }))
                        .chain(ids ->
                                Panache.withSession(() -> alerts.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, a -> {
                    assertThat(a.alertType).isEqualTo(AlertType.SIGNAL_GENERATED);
                    assertThat(a.triggerValue).isNull();
                    assertThat(a.condition).isNull();
                    assertThat(a.isActive).isTrue();
                    assertThat(a.isTriggered).isFalse();
                    assertThat(a.message).isNull();
                    assertThat(a.notificationMethod).isEqualTo(NotificationMethod.IN_APP);
                    assertThat(a.triggeredAt).isNull();
                    assertThat(a.timeframe).isEqualTo(org.coinpilot.common.time.Timeframe.H1);
                    assertThat(a.frequency).isEqualTo(org.coinpilot.alert.domain.AlertFrequency.ONCE);
                    assertThat(a.notificationMethods).containsExactly("in_app");
                    assertThat(a.triggerCount).isZero();
                    assertThat(a.lastFiredCandle).isNull();
                    assertThat(a.armedAt).isNull();
                    assertThat(a.version).isZero();
                    assertAuditSet(a);
                }));
    }

    @Test
    @RunOnVertxContext
    void shouldGetColumnDefaultsWhenNotificationHasOnlyRequiredFields(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> parents().chain(p -> {
                            Notification n = new Notification();
                            n.userId = p.userId;
                            n.notificationType = NotificationType.SYSTEM;
                            n.title = "Maintenance";
                            n.message = "Back soon";
                            return notifications
                                    .persist(n)
                                    .chain(() -> insert(
                                            "insert into notifications (user_id, notification_type, title, message)"
                                                    + " values (:user, 'system', 'Maintenance', 'Back soon') returning id",
                                            "user",
                                            p.userId))
                                    .map(nativeId -> List.of(n.id, nativeId));
                        }))
                        .chain(ids -> Panache.withSession(
                                () -> notifications.list("id in (:ids) order by id", Map.of("ids", ids)))),
                both -> assertDefaults(both, n -> {
                    assertThat(n.notificationType).isEqualTo(NotificationType.SYSTEM);
                    assertThat(n.data).isNull();
                    assertThat(n.status).isEqualTo(NotificationStatus.UNREAD);
                    assertThat(n.priority).isEqualTo(NotificationPriority.NORMAL);
                    assertThat(n.scheduledFor).isNull();
                    assertThat(n.sentAt).isNull();
                    assertAuditSet(n);
                }));
    }

    // ---------------------------------------------------------------------------------------------------
    // Optimistic locking
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldIncrementVersionWhenSignalAlertUpdated(UniAsserter asserter) {
        SignalAlert alert = new SignalAlert();
        asserter.execute(() -> Panache.withTransaction(() -> parents().chain(p -> {
            fillAlert(alert, p);
            return alerts.persist(alert);
        })));
        asserter.execute(
                () -> Panache.withTransaction(() -> alerts.findById(alert.id).invoke(a -> a.message = "edited")));
        asserter.assertThat(() -> Panache.withSession(() -> alerts.findById(alert.id)), a -> {
            assertThat(a.message).isEqualTo("edited");
            assertThat(a.version).isEqualTo(1);
            assertThat(a.updatedAt).isAfter(CREATED);
            assertThat(a.createdAt).isEqualTo(CREATED);
        });
    }

    @Test
    @RunOnVertxContext
    void shouldFailWithOptimisticLockWhenWatchlistUpdatedConcurrently(UniAsserter asserter) {
        Watchlist list = new Watchlist();
        asserter.execute(() -> Panache.withTransaction(() -> parents().chain(p -> {
            list.name = "Contended " + suffix();
            list.userId = p.userId;
            return watchlists.persist(list);
        })));
        // Load at version 0, let another connection commit a version-bumping update, then flush the stale copy.
        asserter.assertFailedWith(
                () -> Panache.withTransaction(() -> watchlists
                        .findByIdAndOwner(list.id, list.userId)
                        .call(stale -> pool.preparedQuery(
                                        "update watchlists set name = name || ' (other)', version = version + 1 where id = $1")
                                .execute(Tuple.of(list.id)))
                        .invoke(stale -> stale.description = "lost update")
                        .call(stale -> Panache.getSession().chain(s -> s.flush()))),
                failure -> assertThat(failure).isInstanceOf(OptimisticLockException.class));
        asserter.assertThat(() -> Panache.withSession(() -> watchlists.findById(list.id)), w -> {
            assertThat(w.version).isEqualTo(1);
            assertThat(w.description).isNull();
            assertThat(w.name).endsWith(" (other)");
        });
    }

    // ---------------------------------------------------------------------------------------------------
    // Enum values versus the CHECK constraints
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldAllowExactlyTheEnumValuesWhenComparedWithCheckConstraints(UniAsserter asserter) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("ck_watchlists_type", values(WatchlistType.values(), new WatchlistType.Converter()));
        expected.put("ck_watchlist_assets_position_type", values(PositionType.values(), new PositionType.Converter()));
        expected.put("ck_portfolio_asset_type", values(AssetType.values(), new AssetType.Converter()));
        expected.put("ck_portfolio_trade_status", values(TradeStatus.values(), new TradeStatus.Converter()));
        expected.put(
                "ck_portfolio_investment_timeframe",
                values(InvestmentTimeframe.values(), new InvestmentTimeframe.Converter()));
        expected.put("ck_portfolio_risk_category", values(RiskCategory.values(), new RiskCategory.Converter()));
        expected.put("ck_trade_actions_action_type", values(TradeActionType.values(), new TradeActionType.Converter()));
        expected.put(
                "ck_trade_actions_timeframe",
                values(
                        org.coinpilot.common.time.Timeframe.values(),
                        new org.coinpilot.common.time.Timeframe.Converter()));
        expected.put(
                "ck_trade_actions_market_sentiment", values(MarketSentiment.values(), new MarketSentiment.Converter()));
        expected.put(
                "ck_trade_actions_volatility_level",
                values(
                        org.coinpilot.portfolio.domain.VolatilityLevel.values(),
                        new org.coinpilot.portfolio.domain.VolatilityLevel.Converter()));
        expected.put("ck_trade_actions_volume_profile", values(VolumeProfile.values(), new VolumeProfile.Converter()));
        expected.put("ck_trade_actions_primary_setup", values(PrimarySetup.values(), new PrimarySetup.Converter()));
        expected.put("ck_trade_actions_action_source", values(ActionSource.values(), new ActionSource.Converter()));
        expected.put("ck_trading_signals_signal_type", values(SignalType.values(), new SignalType.Converter()));
        expected.put("ck_trading_signals_risk_level", values(RiskLevel.values(), new RiskLevel.Converter()));
        expected.put("ck_trading_signals_status", values(SignalStatus.values(), new SignalStatus.Converter()));
        expected.put(
                "ck_ai_models_architecture", values(ModelArchitecture.values(), new ModelArchitecture.Converter()));
        expected.put("ck_ai_models_model_type", values(ModelType.values(), new ModelType.Converter()));
        expected.put("ck_ai_models_status", values(ModelStatus.values(), new ModelStatus.Converter()));
        expected.put(
                "ck_ai_models_training_timeframe",
                values(
                        org.coinpilot.common.time.Timeframe.values(),
                        new org.coinpilot.common.time.Timeframe.Converter()));
        expected.put("ck_ai_models_target_variable", values(TargetVariable.values(), new TargetVariable.Converter()));
        expected.put(
                "ck_model_performance_timeframe",
                values(
                        org.coinpilot.common.time.Timeframe.values(),
                        new org.coinpilot.common.time.Timeframe.Converter()));
        expected.put(
                "ck_predictions_volatility_level",
                values(
                        org.coinpilot.prediction.domain.VolatilityLevel.values(),
                        new org.coinpilot.prediction.domain.VolatilityLevel.Converter()));
        expected.put(
                "ck_ai_recommendations_target_entity_type",
                values(TargetEntityType.values(), new TargetEntityType.Converter()));
        expected.put(
                "ck_ai_recommendations_type", values(RecommendationType.values(), new RecommendationType.Converter()));
        expected.put(
                "ck_ai_recommendations_status",
                values(RecommendationStatus.values(), new RecommendationStatus.Converter()));
        expected.put("ck_ai_recommendations_priority", values(PriorityLevel.values(), new PriorityLevel.Converter()));
        expected.put("ck_signal_alerts_alert_type", values(AlertType.values(), new AlertType.Converter()));
        expected.put("ck_signal_alerts_condition", values(AlertCondition.values(), new AlertCondition.Converter()));
        expected.put(
                "ck_signal_alerts_notification_method",
                values(NotificationMethod.values(), new NotificationMethod.Converter()));
        expected.put("ck_notifications_type", values(NotificationType.values(), new NotificationType.Converter()));
        expected.put(
                "ck_notifications_status", values(NotificationStatus.values(), new NotificationStatus.Converter()));
        expected.put(
                "ck_notifications_priority",
                values(NotificationPriority.values(), new NotificationPriority.Converter()));

        asserter.assertThat(
                () -> pool.preparedQuery("select conname, pg_get_constraintdef(oid) as def from pg_constraint"
                                + " where conname::text = any($1::text[])")
                        .execute(
                                Tuple.tuple().addArrayOfString(expected.keySet().toArray(new String[0])))
                        .map(rows -> {
                            Map<String, Set<String>> actual = new LinkedHashMap<>();
                            rows.forEach(row -> actual.put(row.getString("conname"), quoted(row.getString("def"))));
                            return actual;
                        }),
                actual -> {
                    assertThat(actual).containsOnlyKeys(expected.keySet());
                    expected.forEach((constraint, dbValues) -> assertThat(actual.get(constraint))
                            .as(constraint)
                            .containsExactlyInAnyOrderElementsOf(dbValues));
                });
    }

    // ---------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------

    private record Parents(long userId, long otherUserId, long cryptoId) {}

    /** Two users and an asset, inserted natively in the current transaction. */
    private static Uni<Parents> parents() {
        return insertUser()
                .chain(user ->
                        insertUser().chain(other -> insertCrypto().map(crypto -> new Parents(user, other, crypto))));
    }

    private static Uni<Long> insertUser() {
        return insert(
                "insert into users (email, password_hash) values (:email, 'x') returning id",
                "email",
                "round-trip-b-" + suffix() + "@example.test");
    }

    private static Uni<Long> insertCrypto() {
        String symbol = "RTB" + suffix().toUpperCase(Locale.ROOT);
        return insert(
                "insert into cryptocurrencies (symbol, name) values (:symbol, :name) returning id",
                "symbol",
                symbol,
                "name",
                "Round trip " + symbol);
    }

    /** Runs an {@code insert ... returning id} through the current Panache session. */
    private static Uni<Long> insert(String sql, Object... namedParameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            for (int i = 0; i < namedParameters.length; i += 2) {
                query.setParameter((String) namedParameters[i], namedParameters[i + 1]);
            }
            return query.getSingleResult();
        });
    }

    private Uni<AiModel> model() {
        AiModel model = new AiModel();
        model.name = "baseline-" + suffix();
        model.version = "1.0.0";
        model.architecture = ModelArchitecture.BASELINE;
        model.modelType = ModelType.ASSET;
        return models.persist(model);
    }

    private Uni<Prediction> modelAndPrediction(long cryptoId) {
        return model().chain(model -> {
            Prediction prediction = new Prediction();
            prediction.cryptoId = cryptoId;
            prediction.aiModelsId = model.id;
            prediction.predictionType = "price";
            prediction.targetDatetime = T4;
            return predictions.persist(prediction);
        });
    }

    private Uni<TradingSignal> signalFor(long cryptoId, Long predictionId) {
        TradingSignal signal = new TradingSignal();
        signal.cryptoId = cryptoId;
        signal.predictionId = predictionId;
        signal.signalType = SignalType.LONG;
        signal.entryPrice = new BigDecimal("100");
        return signals.persist(signal);
    }

    private static Position minimalPosition(long userId) {
        Position position = new Position();
        position.userId = userId;
        position.assetSymbol = "ETH";
        position.assetType = AssetType.CRYPTO_ASSET;
        position.tradeStatus = TradeStatus.OPEN;
        return position;
    }

    private static void fillPosition(Position position, Parents p) {
        position.userId = p.userId;
        position.cryptoId = p.cryptoId;
        position.assetSymbol = "stETH";
        position.externalAssetInfo = JSON;
        position.assetType = AssetType.SHORT_POSITION;
        position.leverageRatio = new BigDecimal("2.7500");
        position.quantity = new BigDecimal("0.000000000000000001");
        position.entryPrice = new BigDecimal(PRICE);
        position.exitPrice = new BigDecimal("61234.987654321098765432");
        position.tradeStatus = TradeStatus.EXIT_PLAN;
        position.pnlRealizedUsd = new BigDecimal("-1234.56789012");
        position.allocationTargetPercent = new BigDecimal("12.3456");
        position.investmentThesis = "Funding flips negative into resistance";
        position.investmentTimeframe = InvestmentTimeframe.MEDIUM_TERM;
        position.riskCategory = RiskCategory.AGGRESSIVE;
        position.stopLossPrice = new BigDecimal("70000.000000000000000001");
        position.takeProfitPrice = new BigDecimal("55000.500000000000000005");
        position.maxAllocationPercent = new BigDecimal("25.5000");
        position.createdAt = CREATED;
    }

    private static void fillAlert(SignalAlert alert, Parents p) {
        alert.userId = p.userId;
        alert.cryptoId = p.cryptoId;
        alert.alertType = AlertType.PERCENTAGE_CHANGE;
        alert.triggerValue = new BigDecimal("-7.500000000000000001");
        alert.condition = AlertCondition.CROSSES_DOWN;
        alert.isActive = false;
        alert.isTriggered = true;
        alert.message = "BTC fell 7.5% in a day";
        alert.notificationMethod = NotificationMethod.WEBHOOK;
        alert.triggeredAt = T1;
        alert.lastChecked = T2;
        alert.expiresAt = T3;
        alert.createdAt = CREATED;
        alert.timeframe = org.coinpilot.common.time.Timeframe.H4;
        alert.windowCandles = 24;
        alert.frequency = org.coinpilot.alert.domain.AlertFrequency.EVERY_TIME;
        alert.cooldownSeconds = 900;
        alert.indicatorKey = "macd_12_26_9.histogram";
        alert.indicatorPath = "{MACD,histogram}";
        alert.referenceKey = "sma_200";
        alert.referencePath = "{SMA,200}";
        alert.notificationMethods = new ArrayList<>(List.of("webhook", "email"));
        alert.lastFiredCandle = T4;
        alert.triggerCount = 3;
        alert.armedAt = T1;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Equal by value and carrying exactly the column's scale. */
    private static void assertDecimal(BigDecimal actual, String expected, int scale) {
        assertThat(actual).isEqualByComparingTo(expected);
        assertThat(actual.scale()).as("scale of %s", actual).isEqualTo(scale);
    }

    /** created_at as written, updated_at equal to it (set by {@code AuditListener} on insert). */
    private static void assertAudit(AuditedEntity entity, Instant created) {
        assertThat(entity.createdAt).isEqualTo(created);
        assertThat(entity.updatedAt).isEqualTo(created);
    }

    private static void assertAuditSet(AuditedEntity entity) {
        assertThat(entity.createdAt).isNotNull();
        assertThat(entity.updatedAt).isNotNull();
    }

    /** Both rows (entity-written, native-written) pass the same default checks. */
    private static <T> void assertDefaults(List<T> both, Consumer<T> defaults) {
        assertThat(both).hasSize(2);
        for (int i = 0; i < both.size(); i++) {
            T row = both.get(i);
            String source = i == 0 ? "written through the entity" : "written natively (migration defaults)";
            try {
                defaults.accept(row);
            } catch (AssertionError e) {
                throw new AssertionError("Row " + source + ": " + e.getMessage(), e);
            }
        }
    }

    private static <E extends Enum<E>> List<String> values(E[] constants, AttributeConverter<E, String> converter) {
        List<String> values = new ArrayList<>();
        for (E constant : constants) {
            String column = converter.convertToDatabaseColumn(constant);
            assertThat(converter.convertToEntityAttribute(column)).isEqualTo(constant);
            values.add(column);
        }
        assertThat(values).doesNotHaveDuplicates();
        return values;
    }

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    /** The quoted literals of a constraint definition: the allowed values of an {@code IN (...)} check. */
    private static Set<String> quoted(String definition) {
        Matcher matcher = QUOTED.matcher(definition);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return new LinkedHashSet<>(values);
    }
}
