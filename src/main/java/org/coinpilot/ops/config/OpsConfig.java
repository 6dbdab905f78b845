package org.coinpilot.ops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings read by the ops feature. */
@ConfigMapping(prefix = "coinpilot.ops")
public interface OpsConfig {

    /** The reactive pool's maximum size, reported in health snapshots. */
    @WithName("pool-max-size")
    @WithDefault("${quarkus.datasource.reactive.max-size:20}")
    int poolMaxSize();
}
