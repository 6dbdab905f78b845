package org.coinpilot.signal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.signal.service.SignalReadService.ActiveSignal;
import org.junit.jupiter.api.Test;

/** Layer 4 as published: active, created by the instant, not expired by it, on the asked assets only. */
@QuarkusTest
class SignalReadServiceTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SignalReadService reads;

    @Test
    void activeAtAnInstant() {
        long asset = MarketTestData.asset(pool, "SRD", false);
        long other = MarketTestData.asset(pool, "SRO", false);
        long early = signal(asset, "long", "active", "2024-01-01T00:00:00Z", "2024-01-03T00:00:00Z");
        long late = signal(asset, "short", "active", "2024-01-02T00:00:00Z", null);
        signal(asset, "long", "cancelled", "2024-01-01T00:00:00Z", null);
        signal(other, "long", "active", "2024-01-01T00:00:00Z", null);

        List<ActiveSignal> at =
                OnVertxContext.await(vertx, () -> reads.active(List.of(asset), Instant.parse("2024-01-02T12:00:00Z")));
        assertThat(at).extracting(ActiveSignal::id).containsExactly(late, early);
        assertThat(at.get(0).signalType()).isEqualTo("short");

        assertThat(OnVertxContext.await(
                        vertx, () -> reads.active(List.of(asset), Instant.parse("2024-01-03T00:00:00Z"))))
                .extracting(ActiveSignal::id)
                .containsExactly(late);
        assertThat(OnVertxContext.await(
                        vertx, () -> reads.active(List.of(asset), Instant.parse("2023-12-31T00:00:00Z"))))
                .isEmpty();
        assertThat(OnVertxContext.await(vertx, () -> reads.active(List.of(), Instant.parse("2024-01-02T00:00:00Z"))))
                .isEmpty();
    }

    static java.time.OffsetDateTime time(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(java.time.ZoneOffset.UTC);
    }

    long signal(long asset, String type, String status, String created, String expires) {
        boolean isLong = type.equals("long");
        return pool.preparedQuery("INSERT INTO trading_signals (crypto_id, signal_type, entry_price, target_price,"
                        + " stop_loss, status, created_at, updated_at, expires_at)"
                        + " VALUES ($1, $2, 100, $3, $4, $5, $6, $6, $7)"
                        + " RETURNING id")
                .execute(Tuple.from(new Object[] {
                    asset, type, isLong ? 110 : 90, isLong ? 95 : 105, status, time(created), time(expires)
                }))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }
}
