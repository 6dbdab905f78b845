package org.coinpilot.market.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.market.service.CatalogueService;

/** {@code market.catalogue.sync}: CoinGecko markets for the top N, and a few coin details per run. */
@ApplicationScoped
public class CatalogueSyncJob implements Job {

    public static final String NAME = "market.catalogue.sync";

    private final CatalogueService catalogue;

    public CatalogueSyncJob(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Syncs prices, market caps, ranks, volumes, supplies and changes of the top N from CoinGecko";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return catalogue.sync().map(JobResult::of);
    }
}
