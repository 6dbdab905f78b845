package org.coinpilot.prediction.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.common.time.Times;
import org.coinpilot.prediction.service.PredictionScoringService;

/**
 * {@code prediction.predictions.score}: scores the predictions whose target candle has closed and is stored, then
 * writes the scorecards of every window as of the run's time truncated to the as-of step (schedule:
 * {@code coinpilot.jobs."prediction.predictions.score".every}). Reports what was scored, what is still waiting for its
 * candle, and the scorecards written, with the time each part took.
 */
@ApplicationScoped
public class PredictionScoringJob implements Job {

    public static final String NAME = "prediction.predictions.score";

    private final PredictionScoringService scoring;
    private final Clock clock;

    public PredictionScoringJob(PredictionScoringService scoring, Clock clock) {
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Scores due predictions against their stored target candle (set-based), then writes each model"
                + " version's scorecards (MAE, RMSE, MAPE, MASE, direction, calibration; by asset and regime)";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        Instant now = Times.now(clock);
        long started = System.nanoTime();
        return scoring.score(now).chain(report -> {
            long scored = System.nanoTime();
            return scoring.writeScorecards(scoring.asOf(now), now).map(cards -> {
                Map<String, Object> data = new LinkedHashMap<>(report.toMap());
                data.put("scoringMillis", (scored - started) / 1_000_000);
                data.put("asOf", cards.asOf().toString());
                data.put("scorecards", cards.written());
                data.put("scorecardMillis", (System.nanoTime() - scored) / 1_000_000);
                return JobResult.of(data);
            });
        });
    }
}
