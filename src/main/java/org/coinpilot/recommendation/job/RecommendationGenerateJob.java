package org.coinpilot.recommendation.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.recommendation.service.RecommendationJobService;

/**
 * {@code recommendation.recommendations.generate} (docs/recommendations.md; schedule:
 * {@code coinpilot.jobs."recommendation.recommendations.generate".every}).
 */
@ApplicationScoped
public class RecommendationGenerateJob implements Job {

    public static final String NAME = "recommendation.recommendations.generate";

    private final RecommendationJobService jobs;

    public RecommendationGenerateJob(RecommendationJobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Generates entry, exit, risk-management and rebalance recommendations for every user's watchlists and positions; never duplicates an open one";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return jobs.generate().map(JobResult::of);
    }
}
