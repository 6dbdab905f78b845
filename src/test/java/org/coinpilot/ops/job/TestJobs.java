package org.coinpilot.ops.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;

/** Jobs that exist only in tests, to exercise the runner: a slow one and a failing one. */
public final class TestJobs {

    private TestJobs() {}

    /** Takes {@code millis} (default 1500) to finish and echoes its parameters. */
    @ApplicationScoped
    public static class SlowJob implements Job {
        public static final String NAME = "test.slow";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "test: waits, then completes";
        }

        @Override
        public String taskType() {
            return "maintenance";
        }

        @Override
        public Uni<JobResult> run(JobContext context) {
            long millis = Long.parseLong(String.valueOf(context.params().getOrDefault("millis", "1500")));
            return Uni.createFrom()
                    .item(JobResult.of(Map.of("echo", context.params(), "taskId", context.taskId())))
                    .onItem()
                    .delayIt()
                    .by(Duration.ofMillis(millis));
        }
    }

    /** Always fails with a known message. */
    @ApplicationScoped
    public static class FailingJob implements Job {
        public static final String NAME = "test.failing";
        public static final String MESSAGE = "exchange answered 503 three times";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "test: always fails";
        }

        @Override
        public String taskType() {
            return "data_sync";
        }

        @Override
        public Uni<JobResult> run(JobContext context) {
            return Uni.createFrom().failure(new IllegalStateException(MESSAGE));
        }
    }

    /** Completes at once; {@code %test} configures {@link FailingJob} to follow it. */
    @ApplicationScoped
    public static class ChainStartJob implements Job {
        public static final String NAME = "test.chain-start";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "test: completes, then its follow-ups run";
        }

        @Override
        public String taskType() {
            return "maintenance";
        }

        @Override
        public Uni<JobResult> run(JobContext context) {
            return Uni.createFrom().item(JobResult.of(Map.of("started", true)));
        }
    }
}
