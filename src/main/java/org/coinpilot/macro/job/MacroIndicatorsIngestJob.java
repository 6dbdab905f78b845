package org.coinpilot.macro.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.macro.service.MacroIndicatorService;

/**
 * {@code macro.indicators.ingest}: fetches the macro indicators of the configured provider (none by default) since
 * their newest stored day. A manual run may name another provider ({@code provider=fred}) for that run only.
 */
@ApplicationScoped
public class MacroIndicatorsIngestJob implements Job {

    public static final String NAME = "macro.indicators.ingest";

    private final MacroIndicatorService indicators;

    public MacroIndicatorsIngestJob(MacroIndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fetches the macro indicators of the configured provider (none by default) since their newest stored day";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        Object provider = context.params().get("provider");
        return (provider == null ? indicators.ingest() : indicators.ingest(provider.toString())).map(JobResult::of);
    }
}
