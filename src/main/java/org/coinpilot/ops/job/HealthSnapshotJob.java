package org.coinpilot.ops.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.ops.service.HealthSnapshotService;

/** {@code ops.health-snapshot}: writes a {@code system_health} row. */
@ApplicationScoped
public class HealthSnapshotJob implements Job {

    public static final String NAME = "ops.health-snapshot";

    private final HealthSnapshotService health;

    public HealthSnapshotJob(HealthSnapshotService health) {
        this.health = health;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Records database status and latency, pool, JVM memory and the newest run of every job in system_health";
    }

    @Override
    public String taskType() {
        return "maintenance";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return health.snapshot().map(snapshot -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("systemHealthId", snapshot.id());
            data.put("overallHealthScore", snapshot.score());
            data.put("databaseLatencyMs", snapshot.latencyMs());
            return JobResult.of(data);
        });
    }
}
