package org.coinpilot.indicators.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.indicators.service.IndicatorComputeService;

/**
 * {@code indicators.compute}: stores the configured indicator set for every candle whose indicators are pending.
 * Runs after each completed {@code market.candles.ingest} ({@code coinpilot.jobs."market.candles.ingest".then}) and
 * on its own schedule (for imports and anything else that resets values).
 */
@ApplicationScoped
public class IndicatorComputeJob implements Job {

    public static final String NAME = "indicators.compute";

    private final IndicatorComputeService compute;

    public IndicatorComputeJob(IndicatorComputeService compute) {
        this.compute = compute;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Computes and stores the configured technical indicators of new or reset candles";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return compute.computePending().map(report -> JobResult.of(report.toMap()));
    }
}
