package org.coinpilot.common.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

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

    record RunnerConfig(boolean inProcess) implements JobRunnerConfig {
        @Override
        public Duration timeout() {
            return Duration.ofMinutes(30);
        }

        @Override
        public int lockNamespace() {
            return 7301;
        }

        @Override
        public Duration shutdownGrace() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration firstRunDelay() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration firstRunStep() {
            return Duration.ofSeconds(2);
        }
    }

    static JobScheduler scheduler(Map<String, JobsConfig.Schedule> jobs) {
        return new JobScheduler(null, () -> jobs, null, false, new RunnerConfig(true));
    }

    @Test
    void shouldScheduleNothingInProcessWhenInProcessSchedulingIsSwitchedOff() {
        JobRunner runner = Mockito.mock(JobRunner.class);
        Mockito.when(runner.jobs()).thenReturn(List.of(JOB));
        Scheduler quartz = Mockito.mock(Scheduler.class);
        Scheduler.JobDefinition<?> definition = Mockito.mock(Scheduler.JobDefinition.class, Mockito.RETURNS_SELF);
        Mockito.doReturn(definition).when(quartz).newJob(JOB.name());
        Map<String, JobsConfig.Schedule> jobs =
                Map.of(JOB.name(), new Schedule(Optional.of("5m"), Optional.empty(), Optional.empty(), true));

        new JobScheduler(runner, () -> jobs, quartz, true, new RunnerConfig(false)).register(null);
        Mockito.verify(quartz, Mockito.never()).newJob(Mockito.anyString());

        // the same configuration with in-process scheduling on (the default) schedules the job
        new JobScheduler(runner, () -> jobs, quartz, true, new RunnerConfig(true)).register(null);
        Mockito.verify(quartz).newJob(JOB.name());
        Mockito.verify(definition).schedule();
        // not at start: the first run waits until the service is up, and the jobs' first runs are spread
        Mockito.verify(definition).setDelayed("PT20S");
    }

    @Test
    void shouldSpreadTheFirstRunsOfTheJobsAfterStart() {
        JobScheduler jobs = scheduler(Map.of());
        org.assertj.core.api.Assertions.assertThat(jobs.firstRun(0)).isEqualTo(Duration.ofSeconds(20));
        org.assertj.core.api.Assertions.assertThat(jobs.firstRun(3)).isEqualTo(Duration.ofSeconds(26));
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
