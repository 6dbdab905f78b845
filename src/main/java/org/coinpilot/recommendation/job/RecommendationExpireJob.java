package org.coinpilot.recommendation.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.recommendation.service.RecommendationJobService;

/**
 * {@code recommendation.recommendations.expire} (docs/recommendations.md; schedule:
 * {@code coinpilot.jobs."recommendation.recommendations.expire".every}).
 */
@ApplicationScoped
public class RecommendationExpireJob implements Job {

    public static final String NAME = "recommendation.recommendations.expire";

    private final RecommendationJobService jobs;

    public RecommendationExpireJob(RecommendationJobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Expires pending recommendations past their expiry (one statement)";
    }

    @Override
    public String taskType() {
        return "cleanup";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return jobs.expire().map(expired -> JobResult.of(Map.of("expired", expired)));
    }
}
