package org.coinpilot.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.alert.persistence.AlertEvaluationRepository;
import org.coinpilot.alert.persistence.PriceTargetEvaluator;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.alert.testing.AlertTestData.Alert;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever {@code coinpilot.alerts.evaluation-shards} is (the tests otherwise run the default, 2), the sharded
 * price_target statement evaluates every series exactly once: each asset's alert fires once in the first pass and not
 * again in the second, with one notification.
 */
@QuarkusTest
class AlertShardingTest {

    static final Instant T0 = Instant.parse("2025-04-02T10:30:00Z");

    @Inject
    Pool pool;

    @Inject
    AlertEvaluationRepository evaluations;

    @Inject
    Transactions tx;

    @Inject
    PriceTargetEvaluator priceTarget;

    @Inject
    Clock clock;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void shouldFireEveryAssetsAlertOnceWhateverTheShardCount(int shards) {
        long user = AlertTestData.user(pool);
        Instant candle = T0.minus(Duration.ofMinutes(30));
        List<Long> alerts = new ArrayList<>();
        // consecutive asset ids: every remainder of crypto_id % shards has a series
        for (int i = 0; i < shards + 1; i++) {
            long asset = MarketTestData.asset(pool, "SH" + shards + "X" + i, false);
            AlertTestData.candle(pool, asset, "1h", candle, "100");
            alerts.add(new Alert(user, asset, T0).when("above", "99").insert(pool));
        }
        AlertEvaluationService pass = new AlertEvaluationService(tx, evaluations, List.of(priceTarget), clock, shards);
        Instant now = T0.plus(Duration.ofMinutes(31));

        long firstFired = pass.evaluate(now).await().indefinitely().fired();
        long secondFired =
                pass.evaluate(now.plusSeconds(60)).await().indefinitely().fired();

        assertThat(firstFired).isGreaterThanOrEqualTo(alerts.size());
        assertThat(secondFired).isZero();
        for (long alert : alerts) {
            assertThat(AlertTestData.alert(pool, alert).getInteger("trigger_count"))
                    .as("alert %d, %d shards", alert, shards)
                    .isEqualTo(1);
            assertThat(AlertTestData.notifications(pool, alert)).hasSize(1);
        }
    }
}
