package org.coinpilot.common.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the problem responses. */
@ConfigMapping(prefix = "coinpilot.problem")
public interface ProblemConfig {

    /** Base of the problem type URIs; the type slug is appended ({@code .../problems/not-found}). */
    @WithDefault("https://docs.coinpilot.org/problems/")
    String typeBase();
}
