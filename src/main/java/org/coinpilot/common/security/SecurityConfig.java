package org.coinpilot.common.security;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.NotBlank;

/**
 * Token settings shared by the issuer (identity) and every verifier: {@code mp.jwt.verify.issuer} and
 * {@code mp.jwt.verify.audiences} are set from these values.
 */
@ConfigMapping(prefix = "coinpilot.security")
public interface SecurityConfig {

    /** The {@code iss} claim of every access token, e.g. https://coinpilot.org. */
    @NotBlank
    String issuer();

    /** The {@code aud} claim of every access token, e.g. coinpilot-api. */
    @NotBlank
    String audience();
}
