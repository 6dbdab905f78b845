package org.coinpilot.notification.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.notification.service.NotificationReleaseService;

/** {@code notifications.release}: releases due notifications to the live stream and the delivery channels. */
@ApplicationScoped
public class NotificationReleaseJob implements Job {

    public static final String NAME = "notifications.release";

    private final NotificationReleaseService release;

    public NotificationReleaseJob(NotificationReleaseService release) {
        this.release = release;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sets sent_at on due, unexpired notifications and publishes them to every replica's live stream"
                + " (NOTIFY coinpilot_notifications)";
    }

    @Override
    public String taskType() {
        return "maintenance";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return release.release()
                .map(result -> JobResult.of(Map.of("released", result.released(), "batches", result.batches())));
    }
}
