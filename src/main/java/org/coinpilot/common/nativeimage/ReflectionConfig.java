package org.coinpilot.common.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.coinpilot.common.job.JobResult;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.problem.Problem;

/**
 * Classes serialized outside REST method signatures (which Quarkus registers by itself) and therefore
 * registered here for reflection in the native image: problem bodies written by exception mappers, generic
 * page wrappers, job records. Feature classes that need it carry {@code @RegisterForReflection} themselves,
 * since {@code common} imports no feature.
 */
@RegisterForReflection(
        targets = {
            Problem.class,
            Problem.Violation.class,
            PageResponse.class,
            CursorPage.class,
            JobResult.class,
            JobRun.class
        })
public final class ReflectionConfig {
    private ReflectionConfig() {}
}
