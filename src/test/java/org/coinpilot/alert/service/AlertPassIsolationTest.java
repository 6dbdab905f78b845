package org.coinpilot.alert.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coinpilot.alert.config.AlertsConfig;
import org.coinpilot.alert.domain.AlertType;
import org.coinpilot.alert.persistence.AlertEvaluationRepository;
import org.coinpilot.alert.persistence.AlertEvaluator;
import org.coinpilot.alert.persistence.PercentageChangeEvaluator;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.alert.testing.AlertTestData.Alert;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

/**
 * The types of one pass run at once and independently: a type whose statement fails does not keep the others from
 * firing their alerts, and the pass still reports the failure.
 */
@QuarkusTest
class AlertPassIsolationTest {

    static final Instant T0 = Instant.parse("2025-03-12T10:30:00Z");

    @Inject
    Pool pool;

    @Inject
    AlertEvaluationRepository evaluations;

    @Inject
    Transactions tx;

    @Inject
    PercentageChangeEvaluator percentageChange;

    @Inject
    Clock clock;

    @Inject
    AlertsConfig config;

    /** Sorts first (price_target is the first type), so a pass that ran the types in order would stop at it. */
    static final AlertEvaluator BROKEN = new AlertEvaluator() {
        @Override
        public AlertType type() {
            return AlertType.PRICE_TARGET;
        }

        @Override
        public String sql() {
            return "SELECT 1 / (extract(epoch FROM $1::timestamptz) * 0)::int AS fired, 0 AS notified, 0 AS series";
        }
    };

    @Test
    void shouldFireTheOtherTypesAlertsAndFailThePassWhenOneTypesStatementFails() {
        long user = AlertTestData.user(pool);
        long asset = MarketTestData.asset(pool, "ISO", false);
        long up = new Alert(user, asset, T0)
                .type("percentage_change")
                .when("moves_up", "5")
                .window(3)
                .insert(pool);
        Instant candle = T0.minus(Duration.ofMinutes(30));
        AlertTestData.candle(pool, asset, "1h", candle, "100");
        AlertTestData.candle(pool, asset, "1h", candle.plus(Duration.ofHours(1)), "106");
        AlertEvaluationService pass = new AlertEvaluationService(
                tx, evaluations, List.of(BROKEN, percentageChange), clock, config.evaluationShards());

        assertThatThrownBy(() ->
                        pass.evaluate(T0.plus(Duration.ofMinutes(91))).await().indefinitely())
                .hasMessageContaining("division by zero");

        assertThat(AlertTestData.alert(pool, up).getInteger("trigger_count")).isEqualTo(1);
        assertThat(AlertTestData.notifications(pool, up)).hasSize(1);
    }
}
