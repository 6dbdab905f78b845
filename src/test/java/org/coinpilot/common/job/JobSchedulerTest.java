package org.coinpilot.common.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A job's schedule lives in one place, the configuration: a job without one stops start-up with its name. */
class JobSchedulerTest {

    record Schedule(Optional<String> every, Optional<String> cron, Optional<List<String>> then, boolean enabled)
            implements JobsConfig.Schedule {}

    static final Job JOB = new Job() {
        @Override
        public String name() {
            return "test.unscheduled";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public String taskType() {
            return "maintenance";
        }

        @Override
        public Uni<JobResult> run(JobContext context) {
            return Uni.createFrom().nullItem();
        }
    };

    static JobScheduler scheduler(Map<String, JobsConfig.Schedule> jobs) {
        return new JobScheduler(null, () -> jobs, null, false);
    }

    @Test
    void shouldRefuseToStartWhenAJobHasNoScheduleInTheConfiguration() {
        assertThatThrownBy(() -> scheduler(Map.of()).scheduleOf(JOB))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("coinpilot.jobs.\"test.unscheduled\".every");
        JobsConfig.Schedule onlyEnabled = new Schedule(Optional.empty(), Optional.empty(), Optional.empty(), false);
        assertThatThrownBy(() -> scheduler(Map.of(JOB.name(), onlyEnabled)).scheduleOf(JOB))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTakeTheConfiguredIntervalOrCronWhenOneIsSet() {
        JobSchedulerTest.Schedule every = new Schedule(Optional.of("5m"), Optional.empty(), Optional.empty(), true);
        assertThat(scheduler(Map.of(JOB.name(), every)).scheduleOf(JOB))
                .isEqualTo(new JobScheduler.JobSchedule("5m", null, true));
        JobSchedulerTest.Schedule cron =
                new Schedule(Optional.empty(), Optional.of("0 0 * * * ?"), Optional.empty(), false);
        assertThat(scheduler(Map.of(JOB.name(), cron)).scheduleOf(JOB))
                .isEqualTo(new JobScheduler.JobSchedule(null, "0 0 * * * ?", false));
    }
}
