package org.coinpilot.identity.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.identity.service.AuthThrottle;

/**
 * {@code identity.auth-throttles.prune}: deletes the sign-in and mail counters whose window ended (schedule:
 * {@code coinpilot.jobs."identity.auth-throttles.prune".every}, 15 min).
 */
@ApplicationScoped
public class AuthThrottlePruneJob implements Job {

    public static final String NAME = "identity.auth-throttles.prune";

    private final AuthThrottle throttle;

    public AuthThrottlePruneJob(AuthThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Deletes the auth_throttles counters (sign-in and mail limits) whose window ended";
    }

    @Override
    public String taskType() {
        return "cleanup";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return throttle.prune().map(deleted -> JobResult.of(Map.of("deleted", deleted)));
    }
}
