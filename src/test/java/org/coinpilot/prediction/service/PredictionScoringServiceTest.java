package org.coinpilot.prediction.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.coinpilot.prediction.testing.PredictionTestData.model;
import static org.coinpilot.prediction.testing.PredictionTestData.prediction;
import static org.coinpilot.prediction.testing.PredictionTestData.regime;
import static org.coinpilot.prediction.testing.PredictionTestData.row;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.prediction.api.ScorecardResponse;
import org.junit.jupiter.api.Test;

/**
 * Scoring against stored candles (arithmetic checked by hand, never before the target candle exists, idempotent) and
 * the scorecards of model_performance (MASE, direction and its p-value, reliability table, windows, regimes).
 */
@QuarkusTest
class PredictionScoringServiceTest {

    static final Duration DAY = Duration.ofDays(1);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    PredictionScoringService scoring;

    @Inject
    ModelLeaderboardService leaderboard;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    double scoredMeter() {
        var counter = registry.find(PredictionMetrics.SCORED).counter();
        return counter == null ? 0 : counter.count();
    }

    <T> T await(Supplier<io.smallrye.mutiny.Uni<T>> work) {
        return OnVertxContext.await(vertx, work);
    }

    @Test
    void shouldScoreTheArithmeticOfAKnownCandle() {
        long asset = MarketTestData.asset(pool, "SCA", false);
        long model = model(pool, "score-a", "1d", false);
        Instant open = Instant.parse("2021-01-01T00:00:00Z");
        Instant target = open.plus(DAY); // the 1d candle opened at `open` closes at `target`
        AlertTestData.candle(pool, asset, "1d", open, "100");
        Instant made = open.minus(DAY);
        long edge = prediction(pool, asset, model, made, target, "98", "105", "0.6", "5"); // exactly 5 %
        long over = prediction(pool, asset, model, made, target, "98", "94.99", "0.6", "5"); // 5.01 %
        long far = prediction(pool, asset, model, made, target, "98", "250", "0.6", null); // 150 %, no threshold

        Instant now = target.plusSeconds(60);
        double meterBefore = scoredMeter();
        PredictionScoringService.ScoreReport report = await(() -> scoring.score(now));

        assertThat(report.scored()).isGreaterThanOrEqualTo(3);
        assertThat(scoredMeter() - meterBefore).isEqualTo((double) report.scored()); // coinpilot.predictions.scored
        Row a = row(pool, edge);
        assertThat(a.getBigDecimal("actual_price")).isEqualByComparingTo("100");
        assertThat(a.getBigDecimal("absolute_error")).isEqualByComparingTo("5");
        assertThat(a.getBigDecimal("squared_error")).isEqualByComparingTo("25");
        assertThat(a.getBigDecimal("accuracy_percentage")).isEqualByComparingTo("95.0000");
        assertThat(a.getBoolean("is_accurate")).isTrue(); // |a − p| / a × 100 = 5 ≤ 5: the edge counts
        assertThat(a.getBoolean("is_realized")).isTrue();
        assertThat(a.getOffsetDateTime("evaluated_at").toInstant()).isEqualTo(now);

        Row b = row(pool, over);
        assertThat(b.getBigDecimal("absolute_error")).isEqualByComparingTo("5.01");
        assertThat(b.getBigDecimal("squared_error")).isEqualByComparingTo("25.1001");
        assertThat(b.getBigDecimal("accuracy_percentage")).isEqualByComparingTo("94.99");
        assertThat(b.getBoolean("is_accurate")).isFalse();

        Row c = row(pool, far);
        assertThat(c.getBigDecimal("absolute_error")).isEqualByComparingTo("150");
        assertThat(c.getBigDecimal("squared_error")).isEqualByComparingTo("22500");
        assertThat(c.getBigDecimal("accuracy_percentage")).isEqualByComparingTo("0"); // 100 × (1 − 1.5) floored
        assertThat(c.getValue("is_accurate")).isNull(); // no threshold: not judged
        assertThat(c.getBoolean("is_realized")).isTrue();
    }

    @Test
    void shouldWaitForTheTargetCandleAndScoreOnlyOnce() {
        long asset = MarketTestData.asset(pool, "SCB", false);
        long model = model(pool, "score-b", "1d", false);
        Instant open = Instant.parse("2021-02-01T00:00:00Z");
        Instant target = open.plus(DAY);
        long id = prediction(pool, asset, model, open.minus(DAY), target, "41", "50", "0.5", "10");
        // the next candle is stored, the target candle is not: never scored from another candle
        AlertTestData.candle(pool, asset, "1d", target, "60");

        PredictionScoringService.ScoreReport waiting = await(() -> scoring.score(target.plus(DAY)));
        assertThat(row(pool, id).getBoolean("is_realized")).isFalse();
        assertThat(row(pool, id).getValue("actual_price")).isNull();
        assertThat(waiting.waiting()).isGreaterThanOrEqualTo(1);
        assertThat(waiting.oldestWaiting()).isBeforeOrEqualTo(target);

        AlertTestData.candle(pool, asset, "1d", open, "40");
        await(() -> scoring.score(target.minusSeconds(1))); // the candle is stored, the target time not reached
        assertThat(row(pool, id).getBoolean("is_realized")).isFalse();

        await(() -> scoring.score(target));
        Row scored = row(pool, id);
        assertThat(scored.getBoolean("is_realized")).isTrue();
        assertThat(scored.getBigDecimal("actual_price")).isEqualByComparingTo("40");
        assertThat(scored.getBigDecimal("absolute_error")).isEqualByComparingTo("10");
        assertThat(scored.getBigDecimal("accuracy_percentage")).isEqualByComparingTo("75");
        assertThat(scored.getBoolean("is_accurate")).isFalse(); // 25 % > 10 %

        // a later run changes nothing: the candle is corrected afterwards, the score stays as first made
        pool.preparedQuery("UPDATE price_data SET close_price = 45, high_price = 45, low_price = 45, open_price = 45"
                        + " WHERE crypto_id = $1 AND candle_time = $2")
                .execute(Tuple.of(asset, open.atOffset(java.time.ZoneOffset.UTC)))
                .await()
                .indefinitely();
        await(() -> scoring.score(target.plus(DAY)));
        Row again = row(pool, id);
        assertThat(again.getBigDecimal("actual_price")).isEqualByComparingTo("40");
        assertThat(again.getOffsetDateTime("evaluated_at").toInstant()).isEqualTo(target);
    }

    @Test
    void shouldWriteScorecardsWithMaseDirectionReliabilityAndRegimes() {
        long asset = MarketTestData.asset(pool, "SCC", false);
        long model = model(pool, "score-c", "1d", false);
        LocalDate first = LocalDate.parse("2022-05-02");
        regime(pool, first.minusDays(1), "bull"); // the day before p0's creation
        regime(pool, first, "bull"); // before p1's
        regime(pool, first.plusDays(1), "bear"); // before p2's
        // the day before p3's creation is unclassified; its creation day is, and must not be used (look-ahead)
        pool.preparedQuery("DELETE FROM market_regime_analysis WHERE observed_on = $1")
                .execute(Tuple.of(first.plusDays(2)))
                .await()
                .indefinitely();
        regime(pool, first.plusDays(3), "sideways");
        // input, predicted, actual, confidence; threshold 10 %
        String[][] rows = {
            {"100", "110", "120", "0.85"}, // err 10, naive 20, up/up: hit, 8.3 %: accurate
            {"100", "90", "95", "0.85"}, // err 5, naive 5, down/down: hit, 5.3 %: accurate
            {"100", "105", "80", "0.15"}, // err 25, naive 20, up/down: miss, 31 %: not accurate
            {"100", "100", "110", "0.15"}, // err 10, naive 10, no call, 9.1 %: accurate
        };
        for (int i = 0; i < rows.length; i++) {
            Instant day = first.plusDays(i).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            AlertTestData.candle(pool, asset, "1d", day, rows[i][2]);
            prediction(
                    pool, asset, model, day.plusSeconds(3600), day.plus(DAY), rows[i][0], rows[i][1], rows[i][3], "10");
        }
        Instant asOf = Instant.parse("2022-05-10T00:00:00Z");
        await(() -> scoring.score(asOf));

        await(() -> scoring.writeScorecards(asOf, asOf));
        await(() -> scoring.writeScorecards(asOf, asOf.plusSeconds(5))); // the same as-of again: rewritten, not added

        assertThat(MarketTestData.count(pool, "SELECT count(*) FROM model_performance WHERE model_id = $1", model))
                .isEqualTo(3);
        List<ScorecardResponse> cards = await(() -> leaderboard.performance(model, null, 10));
        ScorecardResponse all =
                cards.stream().filter(c -> c.window().equals("all")).findFirst().orElseThrow();
        assertThat(all.asOf()).isEqualTo(asOf);
        assertThat(all.evaluatedAt()).isEqualTo(asOf.plusSeconds(5));
        assertThat(all.count()).isEqualTo(4);
        assertThat(all.timeframe()).isEqualTo("1d");
        assertThat(all.from()).isEqualTo(Instant.parse("2022-05-03T00:00:00Z"));
        assertThat(all.to()).isEqualTo(Instant.parse("2022-05-06T00:00:00Z"));
        Map<String, Object> m = all.metrics();
        assertThat(num(m, "mae")).isCloseTo(12.5, within(1e-9));
        assertThat(num(m, "rmse")).isCloseTo(Math.sqrt(850.0 / 4), within(1e-8));
        assertThat(num(m, "mape")).isCloseTo(100 * (10 / 120.0 + 5 / 95.0 + 25 / 80.0 + 10 / 110.0) / 4, within(1e-8));
        assertThat(num(m, "naiveMae")).isCloseTo(13.75, within(1e-9));
        assertThat(num(m, "mase")).isCloseTo(50.0 / 55.0, within(1e-9));
        assertThat(num(m, "directionalCount")).isEqualTo(3.0);
        assertThat(num(m, "directionalAccuracy")).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(num(m, "directionalPValue")).isCloseTo(0.5, within(1e-12)); // P(X ≥ 2 | n = 3, p = ½) = 4/8
        assertThat(num(m, "brierScore")).isCloseTo((3 * 0.0225 + 0.7225) / 4, within(1e-9));

        // reliability table: confidence 0.85 twice, both accurate; 0.15 twice, one accurate
        assertThat(all.reliability()).hasSize(2);
        Map<String, Object> low = all.reliability().get(0);
        assertThat(num(low, "from")).isEqualTo(0.1);
        assertThat(num(low, "to")).isEqualTo(0.2);
        assertThat(num(low, "count")).isEqualTo(2.0);
        assertThat(num(low, "meanConfidence")).isCloseTo(0.15, within(1e-9));
        assertThat(num(low, "observedAccuracy")).isCloseTo(0.5, within(1e-9));
        Map<String, Object> high = all.reliability().get(1);
        assertThat(num(high, "from")).isEqualTo(0.8);
        assertThat(num(high, "meanConfidence")).isCloseTo(0.85, within(1e-9));
        assertThat(num(high, "observedAccuracy")).isCloseTo(1.0, within(1e-9));

        // by regime of the day before creation: bull (p0, p1), bear (p2), unknown (p3: not its own day's sideways)
        Map<Object, Map<String, Object>> regimes = new java.util.HashMap<>();
        all.byRegime().forEach(r -> regimes.put(r.get("regime"), r));
        assertThat(regimes.keySet()).containsExactlyInAnyOrder("bull", "bear", "unknown");
        assertThat(num(regimes.get("bull"), "count")).isEqualTo(2.0);
        assertThat(num(regimes.get("bull"), "mae")).isCloseTo(7.5, within(1e-9));
        assertThat(num(regimes.get("bull"), "mase")).isCloseTo(15.0 / 25.0, within(1e-9));
        assertThat(num(regimes.get("bear"), "mae")).isCloseTo(25.0, within(1e-9));
        assertThat(num(regimes.get("unknown"), "mae")).isCloseTo(10.0, within(1e-9));
        assertThat(all.byAsset()).hasSize(1);
        assertThat(all.byAsset().get(0))
                .containsEntry("symbol", MarketTestData.symbol(pool, asset))
                .containsEntry("count", 4);

        // 7d: target times in (05-03, 05-10]: p0's target (05-03 00:00) is out
        ScorecardResponse week =
                cards.stream().filter(c -> c.window().equals("7d")).findFirst().orElseThrow();
        assertThat(week.count()).isEqualTo(3);
        assertThat(num(week.metrics(), "mae")).isCloseTo(40.0 / 3, within(1e-7));
        assertThat(num(week.metrics(), "mase")).isCloseTo(40.0 / 35.0, within(1e-9));
    }

    @Test
    void shouldTruncateTheAsOfToTheStep() {
        assertThat(scoring.asOf(Instant.parse("2026-12-04T23:40:12Z")))
                .isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(PredictionScoringService.since("7d", Instant.parse("2026-12-04T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(PredictionScoringService.since("all", Instant.parse("2026-12-04T00:00:00Z")))
                .isNull();
    }

    static double num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
