package org.coinpilot.ops.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.ops.service.AnalyticsService;

/**
 * {@code ops.analytics.rollup}: writes the hourly and daily {@code analytics_data} rows of the last complete hours
 * ({@code coinpilot.ops.analytics.hours}), or of the one hour given as parameter {@code hour} (an ISO-8601 instant, to
 * re-run a past hour). Idempotent: a re-run rewrites the same rows.
 */
@ApplicationScoped
public class AnalyticsRollupJob implements Job {

    public static final String NAME = "ops.analytics.rollup";

    private final AnalyticsService analytics;

    public AnalyticsRollupJob(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Rolls up user behaviour, API usage, latency percentiles and job outcomes into hourly and daily"
                + " analytics_data rows (parameter hour: one ISO-8601 hour to re-run)";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        Object hour = context.params().get("hour");
        Instant at;
        try {
            at = hour == null ? null : Instant.parse(hour.toString());
        } catch (DateTimeParseException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("parameter hour must be an ISO-8601 instant"));
        }
        return analytics.rollup(at).map(report -> JobResult.of(report.toMap()));
    }
}
