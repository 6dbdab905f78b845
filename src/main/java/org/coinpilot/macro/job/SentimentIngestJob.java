package org.coinpilot.macro.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.macro.service.SentimentService;

/** {@code macro.sentiment.ingest}: Fetches the alternative.me Fear &amp; Greed index (the whole history on the first run, then the new days). */
@ApplicationScoped
public class SentimentIngestJob implements Job {

    public static final String NAME = "macro.sentiment.ingest";

    private final SentimentService sentiment;

    public SentimentIngestJob(SentimentService sentiment) {
        this.sentiment = sentiment;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fetches the alternative.me Fear & Greed index (the whole history on the first run, then the new days)";
    }

    @Override
    public String taskType() {
        return "data_sync";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return sentiment.ingest().map(JobResult::of);
    }
}
