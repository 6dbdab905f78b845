package org.coinpilot.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code coinpilot.alerts.*} (docs/alerts.md). */
@ConfigMapping(prefix = "coinpilot.alerts")
public interface AlertsConfig {

    /** Alerts one user may have (active or not); creating one more is a 422 {@code ALERT_LIMIT_REACHED}. */
    @WithDefault("500")
    int maxPerUser();

    /** Largest {@code windowCandles} of percentage_change and volume_spike alerts. */
    @WithDefault("1000")
    int maxWindowCandles();
}
