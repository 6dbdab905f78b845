package org.coinpilot.market.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.market.service.AccessStatsService;

/** {@code market.access-stats.flush}: adds the in-memory read counters to the catalogue rows. */
@ApplicationScoped
public class AccessStatsFlushJob implements Job {

    public static final String NAME = "market.access-stats.flush";

    private final AccessStatsService stats;

    public AccessStatsFlushJob(AccessStatsService stats) {
        this.stats = stats;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Adds batched read counters to access_count, timeframe_usage and last_accessed_at";
    }

    @Override
    public String taskType() {
        return "maintenance";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return stats.flush().map(assets -> JobResult.of(java.util.Map.of("assets", assets)));
    }
}
