package org.coinpilot.alert.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.alert.service.AlertEvaluationService;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;

/**
 * {@code alerts.evaluate}: one set-based pass over every armed alert (docs/alerts.md). Meant to run right after
 * {@code indicators.compute} (chained by configuration) and on its own schedule.
 */
@ApplicationScoped
public class AlertEvaluateJob implements Job {

    public static final String NAME = "alerts.evaluate";

    /** Counter of the series (asset × timeframe × alert type) a pass evaluated, tagged {@code type}. */
    public static final String EVALUATED = "coinpilot.alerts.evaluated";

    /** Counter of the alerts that fired, tagged {@code type}. */
    public static final String TRIGGERED = "coinpilot.alerts.triggered";

    /** Counter of the notifications the fired alerts wrote, tagged {@code type}. */
    public static final String NOTIFIED = "coinpilot.alerts.notified";

    private final AlertEvaluationService evaluation;
    private final MeterRegistry registry;

    public AlertEvaluateJob(AlertEvaluationService evaluation, MeterRegistry registry) {
        this.evaluation = evaluation;
        this.registry = registry;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Evaluates every armed alert against the latest closed candles and writes the notifications of those"
                + " that fire";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return evaluation.evaluate().map(report -> {
            report.byType().forEach((type, counts) -> {
                count(EVALUATED, "Series (asset, timeframe, alert type) evaluated", type, counts.series());
                count(TRIGGERED, "Alerts that fired", type, counts.fired());
                count(NOTIFIED, "Notifications written for fired alerts", type, counts.notified());
            });
            return JobResult.of(report.toMap());
        });
    }

    private void count(String name, String description, String type, long amount) {
        Counter.builder(name)
                .description(description)
                .tag("type", type)
                .register(registry)
                .increment(amount);
    }
}
