package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.prediction.domain.AiModel;
import org.coinpilot.prediction.domain.Prediction;
import org.coinpilot.prediction.persistence.PredictionRepository;

/**
 * Predictions as other features read them (signals turn them into trading signals); they never read
 * {@code predictions} or {@code ai_models} themselves.
 */
@ApplicationScoped
public class PredictionReadService {

    /**
     * A live price prediction of an active model version, with what a reader needs of the model.
     *
     * @param timeframe the model's candle timeframe ({@code ai_models.training_data_timeframe}); null when unknown
     * @param horizon candles of {@code timeframe} ahead
     * @param inputPrice close of the last input candle
     * @param targetDatetime close of the target candle
     * @param confidence probability that the error is within the accuracy threshold; null when not given
     * @param heldOutMase the model version's held-out MASE ({@code performance_metrics.heldOut.mase}: below 1 beats
     *     the naive forecast); null when the version has none
     * @param predictedValue the structured prediction (EWMA interval {@code lower}, {@code upper}, {@code level})
     */
    public record LivePrediction(
            long id,
            long cryptoId,
            long modelId,
            String modelName,
            String modelVersion,
            Timeframe timeframe,
            int horizon,
            BigDecimal predictedPrice,
            BigDecimal inputPrice,
            BigDecimal confidence,
            Instant targetDatetime,
            Instant createdAt,
            Double heldOutMase,
            Map<String, Object> predictedValue) {}

    private final PredictionRepository predictions;
    private final Transactions tx;

    public PredictionReadService(PredictionRepository predictions, Transactions tx) {
        this.predictions = predictions;
        this.tx = tx;
    }

    /**
     * The newest price prediction of each (active model version, asset) made at or before {@code at}, when it is
     * still unscored and its target time is after {@code at}; ordered by asset, model and id.
     */
    public Uni<List<LivePrediction>> newestLive(Instant at) {
        return tx.read(() -> predictions.newestLiveOfActiveModels(at))
                .map(rows -> rows.stream()
                        .map(row -> of((Prediction) row[0], (AiModel) row[1]))
                        .toList());
    }

    static LivePrediction of(Prediction p, AiModel m) {
        return new LivePrediction(
                p.id,
                p.cryptoId,
                m.id,
                m.name,
                m.version,
                m.trainingDataTimeframe,
                p.predictionHorizon,
                p.predictedPrice,
                p.inputPrice,
                p.confidenceScore,
                p.targetDatetime,
                p.createdAt,
                heldOutMase(m.performanceMetrics),
                p.predictedValue == null ? Map.of() : Map.copyOf(withoutNulls(p.predictedValue)));
    }

    /** {@code performance_metrics.heldOut.mase} as a number, or null. */
    static Double heldOutMase(Map<String, Object> metrics) {
        if (metrics == null || !(metrics.get("heldOut") instanceof Map<?, ?> heldOut)) {
            return null;
        }
        Object mase = heldOut.get("mase");
        if (mase instanceof Number number) {
            return number.doubleValue();
        }
        if (mase instanceof String text) {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
