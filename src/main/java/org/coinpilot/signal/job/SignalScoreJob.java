package org.coinpilot.signal.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.signal.service.SignalService;

/** {@code signal.signals.score} (docs/signals.md; schedule: {@code coinpilot.jobs."signal.signals.score".every}). */
@ApplicationScoped
public class SignalScoreJob implements Job {

    public static final String NAME = "signal.signals.score";

    private final SignalService signals;

    public SignalScoreJob(SignalService signals) {
        this.signals = signals;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Records whether each signal's target or stop was hit first from the stored candles, or neither by its expiry";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return signals.score().map(SignalService.ScoreReport::toMap).map(JobResult::of);
    }
}
