package org.coinpilot.recommendation.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.recommendation.service.RecommendationJobService;

/**
 * {@code recommendation.recommendations.outcome} (docs/recommendations.md; schedule:
 * {@code coinpilot.jobs."recommendation.recommendations.outcome".every}).
 */
@ApplicationScoped
public class RecommendationOutcomeJob implements Job {

    public static final String NAME = "recommendation.recommendations.outcome";

    private final RecommendationJobService jobs;

    public RecommendationOutcomeJob(RecommendationJobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Computes what following each recommendation would have returned once its horizon has passed, from stored candles";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return jobs.outcomes().map(JobResult::of);
    }
}
