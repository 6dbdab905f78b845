package org.coinpilot.signal.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.signal.service.SignalGenerationService;

/** {@code signal.signals.generate} (docs/signals.md; schedule: {@code coinpilot.jobs."signal.signals.generate".every}). */
@ApplicationScoped
public class SignalGenerateJob implements Job {

    public static final String NAME = "signal.signals.generate";

    private final SignalGenerationService generation;

    public SignalGenerateJob(SignalGenerationService generation) {
        this.generation = generation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Turns the newest live prediction of every active model version and asset into a long or short signal when the indicators, the regime and the data allow it";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return generation.generate().map(r -> JobResult.of(r.toMap()));
    }
}
