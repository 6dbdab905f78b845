package org.coinpilot.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The live stream ({@code GET /api/v1/notifications/stream}) and its LISTEN connection (docs/notifications.md). */
@ConfigMapping(prefix = "coinpilot.notifications.stream")
public interface NotificationStreamConfig {

    /**
     * Whether the stream endpoint serves and this replica holds its LISTEN connection. When false the endpoint
     * answers 503 and no connection is opened.
     */
    @WithDefault("true")
    boolean enabled();

    /** Interval of the heartbeat comment sent on every open stream, so that proxies keep it open. */
    @WithDefault("20s")
    Duration heartbeat();

    /** Open streams one user may hold on one replica; one more is refused with 429. */
    @WithDefault("5")
    @Min(1)
    @Max(100)
    int maxConnectionsPerUser();

    /** Most notifications replayed after {@code Last-Event-ID} (the newest ones above that id). */
    @WithDefault("100")
    @Min(0)
    @Max(1000)
    int replayLimit();

    /** First delay before reconnecting the LISTEN connection; doubled after each failure up to the maximum. */
    @WithDefault("1s")
    Duration reconnectInitialDelay();

    /** Longest delay between two reconnection attempts of the LISTEN connection. */
    @WithDefault("30s")
    Duration reconnectMaxDelay();
}
