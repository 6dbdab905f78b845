package org.coinpilot.common.job;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers every {@link Job} with the Quarkus scheduler at start-up, with the schedule from
 * {@link JobsConfig}. Nothing is scheduled when the scheduler is disabled ({@code %test}, and the CLI's
 * {@code job run} / {@code migrate}), nor when in-process scheduling is switched off
 * ({@code coinpilot.job-runner.in-process=false}: the jobs are then started from outside by {@code job run NAME}, e.g.
 * one Kubernetes CronJob per job while the service scales to zero; docs/deploy.md).
 */
@ApplicationScoped
public class JobScheduler {

    private final JobRunner runner;
    private final JobsConfig config;
    private final Scheduler scheduler;
    private final boolean schedulerEnabled;
    private final boolean inProcess;
    private final JobRunnerConfig runnerConfig;

    public JobScheduler(
            JobRunner runner,
            JobsConfig config,
            Scheduler scheduler,
            @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true") boolean schedulerEnabled,
            JobRunnerConfig runnerConfig) {
        this.runner = runner;
        this.config = config;
        this.scheduler = scheduler;
        this.schedulerEnabled = schedulerEnabled;
        this.inProcess = runnerConfig.inProcess();
        this.runnerConfig = runnerConfig;
    }

    void register(@Observes StartupEvent event) {
        runner.jobs().forEach(this::scheduleOf); // every job has a schedule, also where nothing is scheduled
        if (!schedulerEnabled) {
            Log.debug("scheduler disabled: no job is scheduled");
            return;
        }
        if (!inProcess) {
            Log.info("in-process scheduling is off (coinpilot.job-runner.in-process=false): no job is scheduled here;"
                    + " jobs run when started by `job run NAME` (e.g. a CronJob) or the admin API");
            return;
        }
        int interval = 0;
        for (Job job : runner.jobs()) {
            JobSchedule schedule = scheduleOf(job);
            if (!schedule.enabled()) {
                Log.infof("job %s is disabled in configuration", job.name());
                continue;
            }
            Scheduler.JobDefinition<?> definition = scheduler
                    .newJob(job.name())
                    .setConcurrentExecution(ConcurrentExecution.SKIP)
                    .setAsyncTask(execution -> runner.runScheduled(job.name()));
            if (schedule.cron() != null) {
                definition.setCron(schedule.cron());
            } else {
                definition
                        .setInterval(schedule.every())
                        .setDelayed(firstRun(interval++).toString());
            }
            definition.schedule();
            Log.infof("job %s scheduled (%s)", job.name(), schedule.describe());
        }
    }

    /** When the {@code n}-th interval-scheduled job first fires after start. */
    java.time.Duration firstRun(int n) {
        return runnerConfig.firstRunDelay().plus(runnerConfig.firstRunStep().multipliedBy(n));
    }

    /**
     * The schedule of a job, from its one place: {@code coinpilot.jobs."NAME".every} or {@code .cron} (and
     * {@code .enabled}).
     *
     * @throws IllegalStateException when the configuration gives the job neither
     */
    public JobSchedule scheduleOf(Job job) {
        JobsConfig.Schedule configured = config.jobs().get(job.name());
        if (configured == null
                || (configured.every().isEmpty() && configured.cron().isEmpty())) {
            throw new IllegalStateException("Job " + job.name() + " has no schedule: set coinpilot.jobs.\""
                    + job.name() + "\".every (e.g. 5m) or .cron in application.properties (or .enabled=false with"
                    + " either)");
        }
        return new JobSchedule(
                configured.every().orElse(null), configured.cron().orElse(null), configured.enabled());
    }

    /**
     * An effective schedule.
     *
     * @param every the interval (used when there is no cron)
     * @param cron the cron expression, or null
     * @param enabled whether the scheduler runs the job
     */
    public record JobSchedule(String every, String cron, boolean enabled) {
        String describe() {
            return cron != null ? "cron " + cron : "every " + every;
        }
    }
}
