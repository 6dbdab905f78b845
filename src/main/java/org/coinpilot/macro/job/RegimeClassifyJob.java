package org.coinpilot.macro.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.macro.service.RegimeService;

/** {@code macro.regime.classify}: Classifies the market regime of each day after the newest classified one (the whole history on the first run). */
@ApplicationScoped
public class RegimeClassifyJob implements Job {

    public static final String NAME = "macro.regime.classify";

    private final RegimeService regimes;

    public RegimeClassifyJob(RegimeService regimes) {
        this.regimes = regimes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Classifies the market regime of each day after the newest classified one (the whole history on the first run)";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return regimes.classifyNewDays().map(RegimeService.Outcome::toMap).map(JobResult::of);
    }
}
