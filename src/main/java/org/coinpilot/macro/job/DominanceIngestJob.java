package org.coinpilot.macro.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.macro.service.DominanceService;

/** {@code macro.dominance.ingest}: Stores CoinGecko /global BTC, ETH and alt dominance and the total market cap of the day. */
@ApplicationScoped
public class DominanceIngestJob implements Job {

    public static final String NAME = "macro.dominance.ingest";

    private final DominanceService dominance;

    public DominanceIngestJob(DominanceService dominance) {
        this.dominance = dominance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Stores CoinGecko /global BTC, ETH and alt dominance and the total market cap of the day";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return dominance.ingest().map(JobResult::of);
    }
}
