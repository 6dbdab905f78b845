package org.coinpilot.market.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.market.service.CandleIngestionService;

/** {@code market.candles.ingest}: fetches new closed candles of every supported asset and backfills gaps. */
@ApplicationScoped
public class CandleIngestJob implements Job {

    public static final String NAME = "market.candles.ingest";

    private final CandleIngestionService ingestion;

    public CandleIngestJob(CandleIngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fetches closed candles of every supported asset and configured timeframe, backfills known gaps";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return ingestion.ingestAll().map(report -> {
            var data = new java.util.LinkedHashMap<String, Object>(report.toMap());
            data.put("provider", ingestion.providerName());
            return JobResult.of(data);
        });
    }
}
