package org.coinpilot.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.io.InputStream;
import java.util.Properties;
import org.coinpilot.identity.config.IdentityConfig;
import org.junit.jupiter.api.Test;

/** The test profile lowers the bcrypt cost for speed; production must keep at least 12. */
class IdentityConfigTest {

    @Test
    void shouldHashWithCostAtLeast12WhenNoProfileOverridesIt() throws Exception {
        int declared = Integer.parseInt(IdentityConfig.Passwords.class
                .getMethod("bcryptCost")
                .getAnnotation(WithDefault.class)
                .value());
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        int configured = Integer.parseInt(properties.getProperty("coinpilot.identity.passwords.bcrypt-cost"));

        assertThat(declared).isGreaterThanOrEqualTo(12);
        assertThat(configured).isGreaterThanOrEqualTo(12);
        assertThat(properties.getProperty("%prod.coinpilot.identity.passwords.bcrypt-cost"))
                .isNull();
    }

    @Test
    void shouldProduceA12RoundBcryptHashWhenCostIs12() {
        String hash = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("some-Password-1", 12);
        assertThat(hash).startsWith("$2a$12$");
        assertThat(io.quarkus.elytron.security.common.BcryptUtil.matches("some-Password-1", hash))
                .isTrue();
    }
}
