package org.coinpilot.prediction.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.prediction.service.PredictionGenerationService;

/**
 * {@code prediction.predictions.generate}: every active baseline version predicts its asset's close at its horizon
 * from the candles closed by the run's start (schedule: {@code coinpilot.jobs."prediction.predictions.generate".every}).
 * A manual run may pass {@code {"asOf": "<instant>"}} to predict as of an earlier instant (a backfill; it never uses
 * a candle that closed after it).
 */
@ApplicationScoped
public class PredictionGenerationJob implements Job {

    public static final String NAME = "prediction.predictions.generate";

    private final PredictionGenerationService generation;

    public PredictionGenerationJob(PredictionGenerationService generation) {
        this.generation = generation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Predicts each supported asset's close at the configured horizons from every active baseline version,"
                + " with calibrated confidence, EWMA interval and the four-layer context";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        Instant asOf = context.startedAt();
        Object given = context.params().get("asOf");
        if (given != null) {
            try {
                asOf = Instant.parse(given.toString());
            } catch (DateTimeParseException e) {
                return Uni.createFrom()
                        .failure(new BadRequestProblemException("asOf", "body", "must be an ISO-8601 instant"));
            }
            if (asOf.isAfter(context.startedAt())) {
                return Uni.createFrom()
                        .failure(new BadRequestProblemException("asOf", "body", "must not be in the future"));
            }
        }
        return generation.generate(asOf).map(report -> JobResult.of(report.toMap()));
    }
}
