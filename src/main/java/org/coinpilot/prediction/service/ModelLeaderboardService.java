package org.coinpilot.prediction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.prediction.api.LeaderboardEntry;
import org.coinpilot.prediction.api.LeaderboardResponse;
import org.coinpilot.prediction.api.ScorecardResponse;
import org.coinpilot.prediction.config.PredictionConfig;
import org.coinpilot.prediction.persistence.ScoringSqlRepository;

/**
 * Reads the scorecards (docs/predictions.md "Leaderboard API"): the active model versions ranked by MASE of a window's
 * newest scorecard, and a version's scorecards with their breakdowns and reliability tables.
 */
@ApplicationScoped
public class ModelLeaderboardService {

    private final ScoringSqlRepository repository;
    private final PredictionConfig.Scoring config;
    private final Transactions tx;

    public ModelLeaderboardService(ScoringSqlRepository repository, PredictionConfig config, Transactions tx) {
        this.repository = repository;
        this.config = config.scoring();
        this.tx = tx;
    }

    /**
     * The active versions by MASE of their newest scorecard of {@code window} (lower first; versions without a
     * scorecard last). {@code beatsNaive} when MASE &lt; 1 on at least {@code min-count-to-beat-naive} predictions.
     */
    public Uni<LeaderboardResponse> leaderboard(String window, int limit) {
        String chosen = window(window);
        int minCount = config.minCountToBeatNaive();
        return tx.statement(client -> repository.leaderboard(client, chosen, limit))
                .map(lines -> {
                    List<LeaderboardEntry> entries = new ArrayList<>();
                    int rank = 0;
                    for (ScoringSqlRepository.Line line : lines) {
                        rank++;
                        ScoringSqlRepository.Scorecard card = line.card();
                        Map<String, Object> m = card == null ? Map.of() : card.metrics();
                        Double mase = number(m.get("mase"));
                        int count = card == null ? 0 : card.count();
                        entries.add(new LeaderboardEntry(
                                rank,
                                line.modelId(),
                                line.name(),
                                line.version(),
                                line.modelType(),
                                line.timeframe(),
                                card == null ? null : card.asOf(),
                                count,
                                number(m.get("mae")),
                                number(m.get("rmse")),
                                number(m.get("mape")),
                                mase,
                                number(m.get("directionalAccuracy")),
                                number(m.get("directionalPValue")),
                                mase != null && mase < 1.0 && count >= minCount));
                    }
                    return new LeaderboardResponse(chosen, minCount, entries);
                });
    }

    /** The scorecards of version {@code modelId}, newest as-of first; 404 MODEL_NOT_FOUND when there is no version. */
    public Uni<List<ScorecardResponse>> performance(long modelId, String window, int limit) {
        String chosen = window == null ? null : window(window);
        return tx.statement(client -> repository.modelExists(client, modelId)).chain(exists -> {
            if (!exists) {
                return Uni.createFrom()
                        .failure(new ResourceNotFoundException(
                                "MODEL_NOT_FOUND", "No model version has id " + modelId + "."));
            }
            return tx.statement(client -> repository.scorecards(client, modelId, chosen, limit))
                    .map(cards -> cards.stream()
                            .map(ModelLeaderboardService::toResponse)
                            .toList());
        });
    }

    private String window(String window) {
        String chosen = window == null ? "all" : window;
        if (!config.windows().contains(chosen)) {
            throw new BadRequestProblemException("window", "query", "must be one of " + config.windows());
        }
        return chosen;
    }

    @SuppressWarnings("unchecked")
    static ScorecardResponse toResponse(ScoringSqlRepository.Scorecard card) {
        Map<String, Object> breakdown = card.breakdown();
        return new ScorecardResponse(
                card.modelId(),
                card.window(),
                card.asOf(),
                card.evaluatedAt(),
                card.timeframe(),
                instant(card.range().get("from")),
                instant(card.range().get("to")),
                card.count(),
                card.metrics(),
                (List<Map<String, Object>>) breakdown.getOrDefault("byAsset", List.of()),
                (List<Map<String, Object>>) breakdown.getOrDefault("byRegime", List.of()),
                (List<Map<String, Object>>) (List<?>) card.reliability());
    }

    private static java.time.Instant instant(Object value) {
        return value instanceof String text ? java.time.Instant.parse(text) : null;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
