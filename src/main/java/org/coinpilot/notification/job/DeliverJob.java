package org.coinpilot.notification.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.notification.service.DeliveryService;

/** {@code notifications.deliver}: fans released notifications out to webhook/email and sends what is due. */
@ApplicationScoped
public class DeliverJob implements Job {

    public static final String NAME = "notifications.deliver";

    private final DeliveryService delivery;

    public DeliverJob(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fans released notifications out to webhook and email deliveries and sends the due ones (retries,"
                + " quiet hours)";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return delivery.deliver().map(report -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("notificationsFannedOut", report.notifications());
            data.put("deliveriesCreated", report.created());
            data.put("claimed", report.claimed());
            data.put("sent", report.sent());
            data.put("failed", report.failed());
            data.put("held", report.held());
            data.put("gaveUp", report.gaveUp());
            return JobResult.of(data);
        });
    }
}
