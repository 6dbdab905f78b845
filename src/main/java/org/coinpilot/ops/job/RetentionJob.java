package org.coinpilot.ops.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.ops.service.RetentionService;

/** {@code ops.retention}: deletes old job runs, provider call logs and health snapshots, batch by batch. */
@ApplicationScoped
public class RetentionJob implements Job {

    public static final String NAME = "ops.retention";

    private final RetentionService retention;

    public RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Deletes finished job runs, external API logs and health snapshots past their retention,"
                + " one statement per batch";
    }

    @Override
    public String taskType() {
        return "cleanup";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return retention.prune().map(run -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("deleted", run.deleted());
            data.put("total", run.total());
            data.put("unfinished", run.unfinished());
            data.put("disabled", run.disabled());
            return JobResult.of(data);
        });
    }
}
