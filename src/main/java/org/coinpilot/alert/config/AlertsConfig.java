package org.coinpilot.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code coinpilot.alerts.*} (docs/alerts.md). */
@ConfigMapping(prefix = "coinpilot.alerts")
public interface AlertsConfig {

    /** Alerts one user may have (active or not); creating one more is a 422 {@code ALERT_LIMIT_REACHED}. */
    @WithDefault("500")
    int maxPerUser();

    /** Largest {@code windowCandles} of percentage_change and volume_spike alerts. */
    @WithDefault("1000")
    int maxWindowCandles();

    /**
     * Connections a sharded evaluation statement (price_target) runs on in parallel, each over a disjoint part of the
     * series ({@code crypto_id % shards}) in its own transaction (docs/alerts.md "Evaluation"); 1 = one statement.
     */
    @WithDefault("2")
    @Min(1)
    @Max(8)
    int evaluationShards();
}
