package org.coinpilot.alert.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.alert.service.AlertEvaluationService;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;

/**
 * {@code alerts.evaluate}: one set-based pass over every armed alert (docs/alerts.md). Meant to run right after
 * {@code indicators.compute} (chained by configuration) and on its own schedule.
 */
@ApplicationScoped
public class AlertEvaluateJob implements Job {

    public static final String NAME = "alerts.evaluate";

    private final AlertEvaluationService evaluation;

    public AlertEvaluateJob(AlertEvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Evaluates every armed alert against the latest closed candles and writes the notifications of those"
                + " that fire";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return evaluation.evaluate().map(report -> JobResult.of(report.toMap()));
    }
}
