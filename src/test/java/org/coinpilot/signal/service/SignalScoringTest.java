package org.coinpilot.signal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.signal.testing.SignalTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code signal.signals.score} on crafted hourly candles: a signal made at the close of its input candle (T0) walks
 * the candles opening at T0, T0 + 1h, … up to its expiry (four candles), in order.
 */
@QuarkusTest
class SignalScoringTest {

    static final Instant T0 = Instant.parse("2031-05-01T00:00:00Z");
    static final Instant EXPIRES = T0.plus(Duration.ofHours(4));
    static final Instant NOW = Instant.parse("2031-05-02T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SignalService service;

    long asset;
    long model;

    @BeforeEach
    void setUp() {
        asset = MarketTestData.asset(pool, "SS", false);
        model = SignalTestData.activeModel(pool, "1h", 0.8);
    }

    void candle(int hour, String high, String low, String close) {
        SignalTestData.candle(pool, asset, "1h", T0.plus(Duration.ofHours(hour)), "100", high, low, close);
    }

    long longSignal() {
        return SignalTestData.signal(pool, asset, model, "long", "100", "110", "95", "1h", T0, EXPIRES, "bull");
    }

    void score() {
        OnVertxContext.await(vertx, () -> service.score(NOW));
    }

    Row row(long id) {
        return SignalTestData.signalRow(pool, id);
    }

    @Test
    void shouldRecordTheTargetWhenItIsReachedBeforeTheStop() {
        long id = longSignal();
        candle(0, "104", "98", "103");
        candle(1, "111", "99", "108");
        candle(2, "101", "90", "92"); // the stop comes later: too late

        score();

        Row s = row(id);
        assertThat(s.getString("outcome")).isEqualTo("hit_target");
        assertThat(s.getBigDecimal("outcome_price")).isEqualByComparingTo("110");
        assertThat(s.getBigDecimal("outcome_return_pct")).isEqualByComparingTo("10.0000");
        assertThat(s.getOffsetDateTime("outcome_candle_time").toInstant()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(s.getString("status")).isEqualTo("executed");
        assertThat(s.getOffsetDateTime("scored_at").toInstant()).isEqualTo(NOW);
    }

    @Test
    void shouldRecordTheStopWhenItIsReachedFirst() {
        long id = longSignal();
        candle(0, "104", "94.5", "96");
        candle(1, "112", "99", "111");

        score();

        Row s = row(id);
        assertThat(s.getString("outcome")).isEqualTo("hit_stop");
        assertThat(s.getBigDecimal("outcome_return_pct")).isEqualByComparingTo("-5.0000");
        assertThat(s.getOffsetDateTime("outcome_candle_time").toInstant()).isEqualTo(T0);
    }

    @Test
    void shouldTakeTheStopWhenOneCandleReachesBoth() {
        long id = longSignal();
        candle(0, "103", "99", "101");
        candle(1, "112", "94", "105");

        score();

        assertThat(row(id).getString("outcome")).isEqualTo("hit_stop");
        assertThat(row(id).getBigDecimal("outcome_price")).isEqualByComparingTo("95");
    }

    @Test
    void shouldRecordNeitherAtTheLastCloseOfTheWindowForAShort() {
        long id = SignalTestData.signal(pool, asset, model, "short", "100", "90", "105", "1h", T0, EXPIRES, "bear");
        candle(0, "103", "97", "99");
        candle(1, "104", "96", "98");
        candle(2, "102", "98", "99");
        score();
        assertThat(row(id).getString("outcome"))
                .as("the window's last candle is not stored yet")
                .isNull();

        candle(3, "101", "96", "97");
        candle(4, "120", "80", "85"); // after the expiry: never looked at
        score();

        Row s = row(id);
        assertThat(s.getString("outcome")).isEqualTo("neither");
        assertThat(s.getBigDecimal("outcome_price")).isEqualByComparingTo("97");
        // a short gains when the price falls: (97 - 100) / 100 x -100
        assertThat(s.getBigDecimal("outcome_return_pct")).isEqualByComparingTo("3.0000");
        assertThat(s.getOffsetDateTime("outcome_candle_time").toInstant()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(s.getString("status")).isEqualTo("active");
    }

    @Test
    void shouldWaitWhileACandleBeforeTheHitIsMissing() {
        long id = longSignal();
        candle(1, "111", "99", "108");

        score();
        assertThat(row(id).getString("outcome")).isNull();

        // the missing candle reached the stop first
        candle(0, "100", "94", "96");
        score();
        assertThat(row(id).getString("outcome")).isEqualTo("hit_stop");
    }

    @Test
    void shouldNotScoreCancelledSignalsNorScoreTwice() {
        long cancelled = longSignal();
        pool.preparedQuery("UPDATE trading_signals SET status = 'cancelled' WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(cancelled))
                .await()
                .indefinitely();
        long id = longSignal();
        candle(0, "111", "99", "108");

        score();
        Instant scoredAt = row(id).getOffsetDateTime("scored_at").toInstant();
        OnVertxContext.await(vertx, () -> service.score(NOW.plusSeconds(3600)));

        assertThat(row(cancelled).getString("outcome")).isNull();
        assertThat(row(cancelled).getString("status")).isEqualTo("cancelled");
        assertThat(row(id).getOffsetDateTime("scored_at").toInstant()).isEqualTo(scoredAt);
    }
}
