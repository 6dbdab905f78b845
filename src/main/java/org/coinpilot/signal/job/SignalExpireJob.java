package org.coinpilot.signal.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.signal.service.SignalService;

/** {@code signal.signals.expire} (docs/signals.md; schedule: {@code coinpilot.jobs."signal.signals.expire".every}). */
@ApplicationScoped
public class SignalExpireJob implements Job {

    public static final String NAME = "signal.signals.expire";

    private final SignalService signals;

    public SignalExpireJob(SignalService signals) {
        this.signals = signals;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Marks active signals whose expiry has passed as expired";
    }

    @Override
    public String taskType() {
        return "maintenance";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return signals.expire().map(n -> Map.<String, Object>of("expired", n)).map(JobResult::of);
    }
}
