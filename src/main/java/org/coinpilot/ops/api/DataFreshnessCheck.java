package org.coinpilot.ops.api;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.market.domain.SeriesFreshness;
import org.coinpilot.ops.service.HealthSnapshotService;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The {@code data} health group ({@code /q/health/group/data}, docs/operations.md "Health groups"): DOWN while any
 * ingested candle series is stale (no candle, or its newest closed more than
 * {@code coinpilot.ops.health.stale-after-candles} of its timeframe ago). Deliberately NOT part of readiness or
 * liveness: stale market data is a provider or pipeline problem that restarting or unrouting pods cannot fix, and the
 * API still serves everything else; a monitor alerts on this group instead.
 */
@HealthGroup("data")
@ApplicationScoped
public class DataFreshnessCheck implements AsyncHealthCheck {

    static final String NAME = "Candle data freshness";

    private final HealthSnapshotService health;

    public DataFreshnessCheck(HealthSnapshotService health) {
        this.health = health;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return health.dataFreshness()
                .map(all -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME);
                    boolean up = true;
                    for (SeriesFreshness f : all) {
                        up &= f.stale() == 0;
                        String code = f.timeframe().code();
                        builder.withData(code + ".series", f.series());
                        builder.withData(code + ".stale", f.stale());
                        builder.withData(code + ".openGaps", f.openGaps());
                        if (f.oldest() != null) {
                            builder.withData(
                                    code + ".oldestNewestCandle", f.oldest().toString());
                        }
                    }
                    return builder.status(up).build();
                })
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("error", "the freshness could not be read")
                        .build());
    }
}
