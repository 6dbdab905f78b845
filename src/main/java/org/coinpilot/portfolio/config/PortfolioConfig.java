package org.coinpilot.portfolio.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/** {@code coinpilot.portfolio.*} (docs/portfolio.md). */
@ConfigMapping(prefix = "coinpilot.portfolio")
public interface PortfolioConfig {

    /** Percentage points a position's weight may differ from its allocation target before it is flagged. */
    @WithDefault("5")
    BigDecimal targetTolerancePercent();

    /** Longest period of the returns and the history, in days. */
    @WithDefault("3660")
    @Min(1)
    @Max(36600)
    int maxPeriodDays();
}
