package org.coinpilot.sector.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.sector.service.SectorMappingService;

/** {@code sector.mapping.import}: imports the sectors of supported assets without one from their CoinGecko categories. */
@ApplicationScoped
public class SectorImportJob implements Job {

    public static final String NAME = "sector.mapping.import";

    private final SectorMappingService mappings;

    public SectorImportJob(SectorMappingService mappings) {
        this.mappings = mappings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Imports the sectors of supported assets without one from their CoinGecko categories";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return mappings.importUnmapped().map(JobResult::of);
    }
}
