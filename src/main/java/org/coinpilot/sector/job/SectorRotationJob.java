package org.coinpilot.sector.job;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.common.job.Job;
import org.coinpilot.common.job.JobContext;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.sector.service.SectorRotationService;

/** {@code sector.rotation}: detects capital rotation between sectors from relative strength and flow rules. */
@ApplicationScoped
public class SectorRotationJob implements Job {

    public static final String NAME = "sector.rotation";

    private final SectorRotationService rotation;

    public SectorRotationJob(SectorRotationService rotation) {
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Detects capital rotation between sectors from relative strength and flow rules";
    }

    @Override
    public String taskType() {
        return "analysis";
    }

    @Override
    public Uni<JobResult> run(JobContext context) {
        return rotation.detect().map(JobResult::of);
    }
}
