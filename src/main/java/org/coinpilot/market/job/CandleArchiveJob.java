package org.coinpilot.market.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.market.service.CandleArchiveService;

/** {@code market.candles.archive}: moves candles past their retention to the archive, batch by batch. */
@ApplicationScoped
public class CandleArchiveJob implements Job {

    public static final String NAME = "market.candles.archive";

    private final CandleArchiveService archive;

    public CandleArchiveJob(CandleArchiveService archive) {
        this.archive = archive;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Moves candles older than their timeframe's retention to price_data_archive, one statement per batch";
    }

    @Override
    public String taskType() {
        return "cleanup";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return archive.archive().map(moved -> JobResult.of(java.util.Map.of("moved", moved)));
    }
}
