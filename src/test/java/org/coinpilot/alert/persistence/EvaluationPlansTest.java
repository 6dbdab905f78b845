package org.coinpilot.alert.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.StalePlans;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

/**
 * The price_target pass's {@code fired} step probes each hit by its primary key, also when the statistics say that no
 * alert is armed (taken before alerts were switched on in bulk). Its re-check used to repeat the armed partial index's
 * predicate, and the planner then read that whole index once per hit, believing it empty: 7 minutes for 100,000 hits
 * among 1,000,000 armed alerts in the replicas' run (docs/benchmarks.md). Checked on the generic plan of the real
 * statement over a same-shaped copy of {@code signal_alerts} whose statistics predate its armed rows.
 */
@QuarkusTest
class EvaluationPlansTest {

    static final Instant LATEST = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void shouldProbeEachHitByItsKeyWhenTheStatisticsSayNoAlertIsArmed() {
        long user = AlertTestData.user(pool);
        long asset = MarketTestData.asset(pool, "PLAN", false);
        AlertTestData.candle(pool, asset, "1h", LATEST.minusSeconds(3600), "98");
        AlertTestData.candle(pool, asset, "1h", LATEST, "100");
        String columns =
                "INSERT INTO signal_alerts (user_id, crypto_id, alert_type, condition, trigger_value, timeframe,"
                        + " is_active, created_at, updated_at) ";

        List<String> plan = StalePlans.explain(
                vertx,
                "signal_alerts",
                columns + "VALUES (" + user + ", " + asset + ", 'price_target', 'above', 99, '1h', false,"
                        + " '2026-11-30', '2026-11-30')",
                columns + "SELECT " + user + ", " + asset + ", 'price_target', 'above', 99, '1h', true,"
                        + " '2026-11-30', '2026-11-30' FROM generate_series(1, 3000)",
                SqlFileEvaluator.load(SqlFileEvaluator.LOCATION + "price_target.sql"),
                Tuple.of(AlertTestData.odt(LATEST.plusSeconds(1800)), 0, 1));

        String fired = String.join("\n", plan.subList(index(plan, "CTE fired"), index(plan, "CTE notified")));
        assertThat(fired)
                .as("the fired step's plan")
                .contains("Index Scan using signal_alerts_pkey on signal_alerts")
                .containsPattern("Index Cond: \\(id = ");
    }

    private static int index(List<String> plan, String step) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).strip().equals(step)) {
                return i;
            }
        }
        throw new AssertionError(step + " not in the plan:\n" + String.join("\n", plan));
    }
}
