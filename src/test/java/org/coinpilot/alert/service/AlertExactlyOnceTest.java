package org.coinpilot.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.coinpilot.alert.service.AlertEvaluationService.PassReport;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.alert.testing.AlertTestData.Alert;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

/**
 * Two evaluation passes started at the same instant (two threads released by one latch, each pass on its own pool
 * connections) must fire every trigger once: one notification per (alert, candle), trigger_count = candles.
 */
@QuarkusTest
class AlertExactlyOnceTest {

    static final Instant T0 = Instant.parse("2025-04-01T10:30:00Z");
    static final int ALERTS = 300;
    static final int ROUNDS = 8;

    @Inject
    Pool pool;

    @Inject
    AlertEvaluationService evaluation;

    @Test
    void shouldFireEachTriggerOnceWhenTwoPassesRaceOnEveryCandle() throws Exception {
        long user = AlertTestData.user(pool);
        long asset = MarketTestData.asset(pool, "EX", false);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            Alert alert = new Alert(user, asset, T0);
            switch (i % 3) {
                case 0 -> alert.when("above", "100").frequency("once_per_candle", null);
                case 1 -> alert.when("crosses", "100").frequency("once_per_candle", null);
                default ->
                    alert.type("percentage_change")
                            .when("percentage_change", "1")
                            .window(1)
                            .frequency("every_time", 1);
            }
            ids.add(alert.insert(pool));
        }
        long once = new Alert(user, asset, T0).when("above", "100").insert(pool);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        long totalFired = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // alternate 110 / 90: every candle fires "above" (110), "crosses" (both ways) and the 1 % move
                String close = round % 2 == 0 ? "110" : "90";
                Instant candle = T0.minus(Duration.ofMinutes(30)).plus(Duration.ofHours(round));
                AlertTestData.candle(pool, asset, "1h", candle, close);
                Instant now = candle.plus(Duration.ofMinutes(61));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PassReport>> passes = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    passes.add(threads.submit(() -> {
                        start.await();
                        return evaluation.evaluate(now).await().atMost(Duration.ofSeconds(60));
                    }));
                }
                start.countDown();
                for (Future<PassReport> pass : passes) {
                    totalFired += pass.get(90, TimeUnit.SECONDS).byType().values().stream()
                            .mapToLong(c -> c.fired())
                            .sum();
                }
            }
        } finally {
            threads.shutdownNow();
        }

        for (int i = 0; i < ALERTS; i++) {
            long id = ids.get(i);
            int expected = switch (i % 3) {
                case 0 -> ROUNDS / 2; // above 100 on the 110 candles
                case 1 -> ROUNDS - 1; // crosses on every candle after the first
                default -> ROUNDS - 1; // |move| >= 1 % on every candle after the first
            };
            assertThat(AlertTestData.alert(pool, id).getInteger("trigger_count"))
                    .as("alert %d", i)
                    .isEqualTo(expected);
            List<Row> notes = AlertTestData.notifications(pool, id);
            assertThat(notes).as("notifications of alert %d", i).hasSize(expected);
            assertThat(notes.stream().map(n -> n.getString("idempotency_key")).distinct())
                    .hasSize(expected);
        }
        assertThat(AlertTestData.notifications(pool, once)).hasSize(1);
        long mine = MarketTestData.count(
                pool,
                "SELECT count(*) FROM notifications n JOIN signal_alerts a ON a.id = n.alert_id WHERE a.crypto_id = $1",
                asset);
        long triggers = MarketTestData.count(
                pool, "SELECT coalesce(sum(trigger_count), 0) FROM signal_alerts WHERE crypto_id = $1", asset);
        assertThat(mine).isEqualTo(triggers);
        assertThat(totalFired).as("fired counted by the two passes together").isGreaterThanOrEqualTo(triggers);
        assertThat(pool.preparedQuery("SELECT count(*) FROM signal_alerts WHERE crypto_id = $1")
                        .execute(Tuple.of(asset))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getLong(0))
                .isEqualTo(ALERTS + 1L);
    }
}
