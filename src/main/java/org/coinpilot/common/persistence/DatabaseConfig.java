package org.coinpilot.common.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service behaves while the database cannot be reached (docs/security.md, "Database outage"). */
@ConfigMapping(prefix = "coinpilot.database")
public interface DatabaseConfig {

    /** The {@code Retry-After} of the 503 answers while the database is unreachable (whole seconds, rounded up). */
    @WithDefault("5s")
    Duration retryAfter();

    /** During an outage, how often one connection is tried, to notice (and log) that the database is back. */
    @WithDefault("2s")
    Duration probeInterval();

    /**
     * How long a statement waits for a pooled connection before it fails (the Vert.x pool's connection timeout,
     * which Quarkus does not expose; its default is 30 s).
     */
    @WithDefault("30s")
    Duration poolWaitTimeout();
}
