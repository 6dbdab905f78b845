package org.coinpilot.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The release of due notifications (job {@code notifications.release}; docs/notifications.md). */
@ConfigMapping(prefix = "coinpilot.notifications.release")
public interface NotificationReleaseConfig {

    /** Notifications released per transaction (one UPDATE … RETURNING and its NOTIFYs). */
    @WithDefault("5000")
    @Min(1)
    @Max(100000)
    int batchSize();

    /** Batches per run at most; the rest waits for the next run. */
    @WithDefault("20")
    @Min(1)
    int maxBatches();
}
