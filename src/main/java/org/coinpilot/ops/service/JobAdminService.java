package org.coinpilot.ops.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.JobRunRecorder;
import org.coinpilot.common.job.JobRunner;
import org.coinpilot.common.job.JobScheduler;
import org.coinpilot.common.job.JobTrigger;
import org.coinpilot.ops.api.JobListResponse;
import org.coinpilot.ops.api.JobResponse;
import org.coinpilot.ops.api.TaskResponse;

/** The admin view of jobs: what is registered and scheduled, and manual runs. */
@ApplicationScoped
public class JobAdminService {

    private final JobRunner runner;
    private final JobScheduler scheduler;
    private final JobRunRecorder recorder;
    private final BackgroundTaskService tasks;

    public JobAdminService(
            JobRunner runner, JobScheduler scheduler, JobRunRecorder recorder, BackgroundTaskService tasks) {
        this.runner = runner;
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.tasks = tasks;
    }

    public Uni<JobListResponse> list() {
        return recorder.lastRuns()
                .map(last -> new JobListResponse(runner.jobs().stream()
                        .map(job -> toResponse(job, last.get(job.name())))
                        .toList()));
    }

    /**
     * Starts a run. With {@code wait} the answer is the finished run; otherwise the run goes on in the
     * background and the answer is its PENDING task, to be followed at {@code /api/v1/admin/tasks/{id}}.
     */
    public Uni<TaskResponse> run(String name, Map<String, Object> params, boolean wait) {
        if (wait) {
            return runner.run(name, JobTrigger.ADMIN, params).map(TaskResponse::from);
        }
        return runner.launch(name, JobTrigger.ADMIN, params).chain(tasks::get);
    }

    private JobResponse toResponse(Job job, JobRun lastRun) {
        JobScheduler.JobSchedule schedule = scheduler.scheduleOf(job);
        return new JobResponse(
                job.name(),
                job.description(),
                job.taskType(),
                schedule.cron() == null ? schedule.every() : null,
                schedule.cron(),
                schedule.enabled(),
                lastRun == null ? null : TaskResponse.from(lastRun));
    }
}
