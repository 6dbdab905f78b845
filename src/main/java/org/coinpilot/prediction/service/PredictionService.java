package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.domain.CandleTimes;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.prediction.api.CreatePredictionRequest;
import org.coinpilot.prediction.api.PredictionQuery;
import org.coinpilot.prediction.api.PredictionResponse;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.Prediction;
import org.coinpilot.prediction.domain.TargetVariable;
import org.coinpilot.prediction.persistence.AiModelRepository;
import org.coinpilot.prediction.persistence.PredictionRepository;

/**
 * Predictions through the API (docs/predictions.md "Predictions"): external models post theirs against a registered
 * version, operators and service clients read the ledger. Validation names each offending field.
 */
@ApplicationScoped
public class PredictionService {

    private final PredictionRepository predictions;
    private final AiModelRepository models;
    private final CandleSeriesService candles;
    private final MarketReadService market;
    private final Transactions tx;
    private final Clock clock;

    public PredictionService(
            PredictionRepository predictions,
            AiModelRepository models,
            CandleSeriesService candles,
            MarketReadService market,
            Transactions tx,
            Clock clock) {
        this.predictions = predictions;
        this.models = models;
        this.candles = candles;
        this.market = market;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Records an external model's prediction. 422 naming the field when the version is unknown or has no timeframe,
     * the asset is unknown or not the version's, the target is not a candle close after now within the horizon, or
     * the interval does not contain the price; 409 PREDICTION_EXISTS when the version already predicted this target
     * of the asset at this horizon.
     */
    public Uni<PredictionResponse> create(CreatePredictionRequest request) {
        Instant now = Times.now(clock);
        List<Problem.Violation> violations = new ArrayList<>();
        CreatePredictionRequest.Interval interval = request.predictedValue();
        if (interval != null) {
            if (interval.lower().compareTo(request.predictedPrice()) > 0) {
                violations.add(body("predictedValue.lower", "must not be above predictedPrice"));
            }
            if (interval.upper().compareTo(request.predictedPrice()) < 0) {
                violations.add(body("predictedValue.upper", "must not be below predictedPrice"));
            }
        }
        Uni<Long> assetId = candles.assetId(request.symbol())
                .onFailure(ResourceNotFoundException.class)
                .recoverWithNull();
        return assetId.chain(cryptoId ->
                        tx.write(() -> models.findById(request.modelId()).chain(model -> {
                            if (cryptoId == null) {
                                violations.add(body("symbol", "no catalogued asset has this symbol"));
                            }
                            if (model == null) {
                                violations.add(body("modelId", "no registered model version has this id"));
                            } else {
                                check(model, cryptoId, request, now, violations);
                            }
                            if (!violations.isEmpty()) {
                                return Uni.createFrom()
                                        .failure(new BusinessRuleViolationException(
                                                "PREDICTION_INVALID",
                                                "The prediction does not fit its model version, asset or time.",
                                                violations));
                            }
                            return predictions
                                    .modelsWithPrediction(
                                            cryptoId,
                                            request.predictionHorizon(),
                                            request.targetDatetime(),
                                            List.of(model.id))
                                    .chain(existing -> {
                                        if (!existing.isEmpty()) {
                                            return Uni.createFrom()
                                                    .failure(new ConflictException(
                                                            "PREDICTION_EXISTS",
                                                            "Model version " + model.id + " already predicted "
                                                                    + request.symbol() + " at horizon "
                                                                    + request.predictionHorizon() + " for "
                                                                    + request.targetDatetime() + "."));
                                        }
                                        Prediction row = row(request, model, cryptoId, now);
                                        return predictions
                                                .persist(row)
                                                .call(predictions::flush)
                                                .call(() -> models.touchLastPrediction(List.of(model.id), now));
                                    });
                        })))
                .chain(saved -> withSymbols(List.of(saved)).map(list -> list.get(0)));
    }

    private static void check(
            AiModel model,
            Long cryptoId,
            CreatePredictionRequest request,
            Instant now,
            List<Problem.Violation> violations) {
        Timeframe timeframe = model.trainingDataTimeframe;
        if (timeframe == null) {
            violations.add(body("modelId", "the model version has no timeframe; the horizon has no unit"));
        }
        if (model.targetVariable != null && model.targetVariable != TargetVariable.PRICE) {
            violations.add(body("modelId", "the model version does not predict prices"));
        }
        if (cryptoId != null
                && model.configuration != null
                && model.configuration.get("cryptoId") instanceof Number own
                && own.longValue() != cryptoId) {
            violations.add(body("symbol", "the model version predicts another asset"));
        }
        Instant target = request.targetDatetime();
        if (!target.isAfter(now)) {
            violations.add(body("targetDatetime", "must be after the time of posting"));
        } else if (timeframe != null) {
            if (!CandleTimes.isAligned(timeframe, target)) {
                violations.add(body("targetDatetime", "must be the close of a " + timeframe.code() + " candle"));
            } else if (target.minus(timeframe.duration().multipliedBy(request.predictionHorizon()))
                    .isAfter(now)) {
                violations.add(body(
                        "targetDatetime",
                        "must be at most predictionHorizon " + timeframe.code()
                                + " candles after the last closed candle"));
            }
        }
    }

    private static Problem.Violation body(String field, String message) {
        return new Problem.Violation(field, "body", message);
    }

    private static Prediction row(CreatePredictionRequest request, AiModel model, long cryptoId, Instant now) {
        Prediction p = new Prediction();
        p.cryptoId = cryptoId;
        p.aiModelsId = model.id;
        p.predictionType = "price";
        p.predictedPrice = request.predictedPrice();
        if (request.predictedValue() != null) {
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("lower", request.predictedValue().lower().toPlainString());
            interval.put("upper", request.predictedValue().upper().toPlainString());
            interval.put("level", request.predictedValue().level().toPlainString());
            p.predictedValue = interval;
        }
        p.confidenceScore = request.confidenceScore();
        p.predictionHorizon = request.predictionHorizon();
        p.targetDatetime = request.targetDatetime();
        p.featuresUsed = request.featuresUsed();
        p.inputPrice = request.inputPrice();
        p.inputFeatures = request.inputFeatures();
        p.contextData = request.contextData();
        p.isRealized = false;
        p.accuracyThreshold = request.accuracyThreshold();
        p.volatilityLevel = request.volatilityLevel();
        p.predictionTime = request.predictionTime();
        p.notes = request.notes();
        p.debugInfo = Map.of("source", "api", "postedAt", now.toString());
        return p;
    }

    /** One page of the ledger, newest first. An unknown symbol gives an empty page. */
    public Uni<PageResponse<PredictionResponse>> list(PredictionQuery query, PageQuery page) {
        Instant from = QueryParams.instant("from", query.from);
        Instant to = QueryParams.instant("to", query.to);
        QueryParams.requireOrdered("from", from, "to", to);
        Uni<Long> crypto = query.symbol == null
                ? Uni.createFrom().nullItem()
                : candles.assetId(query.symbol)
                        .onFailure(ResourceNotFoundException.class)
                        .recoverWithItem(-1L);
        return crypto.chain(cryptoId -> {
            PredictionRepository.Filter filter =
                    new PredictionRepository.Filter(query.modelId, cryptoId, query.realized, from, to);
            return tx.read(() -> predictions
                            .page(filter, page.page, page.size)
                            .chain(rows -> page.includeTotal
                                    ? predictions.count(filter).map(total -> Map.entry(rows, total))
                                    : Uni.createFrom().item(Map.entry(rows, -1L))))
                    .chain(found -> withSymbols(found.getKey())
                            .map(items ->
                                    PageResponse.of(items, page, found.getValue() < 0 ? null : found.getValue())));
        });
    }

    /** A prediction's full record; 404 PREDICTION_NOT_FOUND. */
    public Uni<PredictionResponse> get(long id) {
        return tx.read(() -> predictions.findById(id))
                .onItem()
                .ifNull()
                .failWith(
                        () -> new ResourceNotFoundException("PREDICTION_NOT_FOUND", "No prediction has id " + id + "."))
                .chain(found -> withSymbols(List.of(found)).map(list -> list.get(0)));
    }

    private Uni<List<PredictionResponse>> withSymbols(List<Prediction> rows) {
        Set<Long> ids = new java.util.LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.cryptoId != null) {
                ids.add(r.cryptoId);
            }
        });
        return market.assets(ids)
                .map(assets -> rows.stream()
                        .map(r -> toResponse(r, assets.get(r.cryptoId)))
                        .toList());
    }

    static PredictionResponse toResponse(Prediction p, AssetRef asset) {
        return new PredictionResponse(
                p.id,
                p.cryptoId,
                asset == null ? null : asset.symbol(),
                p.aiModelsId,
                p.predictionType,
                p.predictedPrice,
                p.predictedValue,
                p.confidenceScore,
                p.predictionHorizon,
                p.targetDatetime,
                p.featuresUsed,
                p.inputPrice,
                p.inputFeatures,
                p.contextData,
                p.actualPrice,
                p.accuracyPercentage,
                p.absoluteError,
                p.squaredError,
                p.isRealized,
                p.isAccurate,
                p.accuracyThreshold,
                p.marketConditions,
                p.volatilityLevel,
                p.predictionTime,
                p.notes,
                p.debugInfo,
                p.evaluatedAt,
                p.createdAt,
                p.updatedAt);
    }
}
