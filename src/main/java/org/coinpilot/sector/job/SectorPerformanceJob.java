package org.coinpilot.sector.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.sector.service.SectorPerformanceService;

/** {@code sector.performance}: computes each active sector's 24 h / 7 d / 30 d performance weighted by market cap x allocation, volume and market-cap change, breadth, leaders and laggards. */
@ApplicationScoped
public class SectorPerformanceJob implements Job {

    public static final String NAME = "sector.performance";

    private final SectorPerformanceService performance;

    public SectorPerformanceJob(SectorPerformanceService performance) {
        this.performance = performance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Computes each active sector's 24 h / 7 d / 30 d performance weighted by market cap x allocation, volume and market-cap change, breadth, leaders and laggards";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return performance.compute().map(JobResult::of);
    }
}
