package org.coinpilot.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Settings every connection of the pool gets from the configuration
 * ({@code quarkus.datasource.reactive.additional-properties.*}, sent in the start-up message).
 */
@QuarkusTest
class ConnectionSettingsTest {

    @Inject
    Pool pool;

    @Test
    void shouldHaveTheServerCancelTheStatementsOfAClientThatIsGone() {
        String interval = pool.query("SHOW client_connection_check_interval")
                .execute()
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0);

        assertThat(interval)
                .as("a killed replica's statement is cancelled within seconds")
                .isEqualTo("5s");
    }
}
