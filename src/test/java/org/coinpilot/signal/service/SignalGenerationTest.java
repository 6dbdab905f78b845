package org.coinpilot.signal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.signal.domain.SignalRules.Skip;
import org.coinpilot.signal.service.SignalGenerationService.GenerationReport;
import org.coinpilot.signal.testing.SignalTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code signal.signals.generate} on crafted data: daily candles up to the 2031-03-09 candle (closes 2031-03-10
 * 00:00), its stored indicators, an active model version that beats the naive forecast, a one-candle prediction made
 * at 00:05 and the regime of 2031-03-09; the job runs at 00:30.
 */
@QuarkusTest
class SignalGenerationTest {

    static final Instant LATEST = Instant.parse("2031-03-09T00:00:00Z");
    static final Instant INPUT_CLOSE = Instant.parse("2031-03-10T00:00:00Z");
    static final Instant TARGET = Instant.parse("2031-03-11T00:00:00Z");
    static final Instant MADE = Instant.parse("2031-03-10T00:05:00Z");
    static final Instant NOW = Instant.parse("2031-03-10T00:30:00Z");
    static final LocalDate REGIME_DAY = LocalDate.parse("2031-03-09");
    static final Duration DAY = Duration.ofDays(1);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SignalGenerationService generation;

    long asset;
    long model;

    @BeforeEach
    void setUp() {
        asset = MarketTestData.asset(pool, "SG", false);
        model = SignalTestData.activeModel(pool, "1d", 0.8);
        for (int i = 2; i >= 0; i--) {
            SignalTestData.candle(pool, asset, "1d", LATEST.minus(DAY.multipliedBy(i)), "99", "101", "98", "100");
        }
        indicators(
                LATEST,
                new JsonObject()
                        .put("RSI", 55)
                        .put("SMA", new JsonObject().put("50", 95))
                        .put("ATR", new JsonObject().put("14", 2)));
        SignalTestData.regime(pool, REGIME_DAY, "sideways");
    }

    @AfterEach
    void tearDown() {
        SignalTestData.deleteRegime(pool, REGIME_DAY);
    }

    void indicators(Instant candle, JsonObject values) {
        AlertTestData.indicators(pool, asset, "1d", candle, values);
    }

    long predict(String predicted) {
        return SignalTestData.prediction(pool, asset, model, predicted, "100", "0.6", 1, TARGET, MADE);
    }

    GenerationReport generate() {
        return OnVertxContext.await(vertx, () -> generation.generate(NOW));
    }

    @Test
    void shouldMakeOneLongWithHandCheckedLevelsAndNoDuplicateWhenRunAgain() {
        long prediction = predict("105");

        GenerationReport report = generate();

        List<Row> signals = SignalTestData.signalsOf(pool, asset);
        assertThat(signals).hasSize(1);
        Row s = signals.get(0);
        assertThat(report.created()).contains(s.getLong("id"));
        assertThat(s.getString("signal_type")).isEqualTo("long");
        assertThat(s.getString("status")).isEqualTo("active");
        assertThat(s.getLong("prediction_id")).isEqualTo(prediction);
        assertThat(s.getLong("ai_model_id")).isEqualTo(model);
        assertThat(s.getBigDecimal("entry_price")).isEqualByComparingTo("100");
        assertThat(s.getBigDecimal("target_price")).isEqualByComparingTo("105");
        // 100 - 1.5 x ATR(14) 2
        assertThat(s.getBigDecimal("stop_loss")).isEqualByComparingTo("97");
        assertThat(s.getBigDecimal("risk_reward_ratio")).isEqualByComparingTo("1.6667");
        assertThat(s.getString("risk_level")).isEqualTo("medium");
        assertThat(s.getInteger("time_horizon_hours")).isEqualTo(24);
        assertThat(s.getOffsetDateTime("expires_at").toInstant()).isEqualTo(TARGET);
        assertThat(s.getOffsetDateTime("input_close_time").toInstant()).isEqualTo(INPUT_CLOSE);
        assertThat(s.getOffsetDateTime("created_at").toInstant()).isEqualTo(NOW);
        assertThat(s.getString("timeframe")).isEqualTo("1d");
        assertThat(s.getString("regime")).isEqualTo("sideways");

        GenerationReport again = generate();
        assertThat(SignalTestData.signalsOf(pool, asset)).hasSize(1);
        assertThat(again.skipped()).containsKey(Skip.ALREADY_SIGNALLED);
    }

    @Test
    void shouldMakeNoSignalWhileTheSeriesHasAnOpenGap() {
        predict("105");
        SignalTestData.openGap(
                pool, asset, "1d", LATEST.minus(DAY.multipliedBy(5)), LATEST.minus(DAY.multipliedBy(2)), 3);

        GenerationReport report = generate();

        assertThat(SignalTestData.signalsOf(pool, asset)).isEmpty();
        assertThat(report.skipped()).containsKey(Skip.OPEN_GAP);
    }

    @Test
    void shouldMakeNoSignalWhileTheIndicatorWarmUpsAreUnmet() {
        predict("105");
        // 50 candles are not there yet: no SMA 50 stored on the newest candle
        indicators(LATEST, new JsonObject().put("RSI", 55).put("ATR", new JsonObject().put("14", 2)));

        GenerationReport report = generate();

        assertThat(SignalTestData.signalsOf(pool, asset)).isEmpty();
        assertThat(report.skipped()).containsKey(Skip.WARMUP);
    }

    @Test
    void shouldMakeNoLongWhenTheRegimeIsBear() {
        predict("105");
        SignalTestData.regime(pool, REGIME_DAY, "bear");

        GenerationReport report = generate();

        assertThat(SignalTestData.signalsOf(pool, asset)).isEmpty();
        assertThat(report.skipped()).containsKey(Skip.REGIME_CONTRADICTS);
    }

    @Test
    void shouldMakeNoSignalFromAModelThatDoesNotBeatTheNaiveForecast() {
        model = SignalTestData.activeModel(pool, "1d", 1.05);
        predict("105");

        generate();

        assertThat(SignalTestData.signalsOf(pool, asset)).isEmpty();
    }

    @Test
    void shouldUseOnlyTheNewestPredictionOfAModelAndNothingMadeAfterTheRun() {
        // an older prediction of the same model and asset, and one made after the run's instant (each for a later
        // target: a version predicts a target once, V151)
        SignalTestData.prediction(pool, asset, model, "110", "100", "0.6", 2, TARGET.plus(DAY), MADE.minusSeconds(60));
        long newest = predict("105");
        SignalTestData.prediction(
                pool, asset, model, "120", "100", "0.6", 3, TARGET.plus(DAY.multipliedBy(2)), NOW.plusSeconds(1));

        generate();

        assertThat(SignalTestData.signalsOf(pool, asset))
                .singleElement()
                .satisfies(s -> assertThat(s.getLong("prediction_id")).isEqualTo(newest));
    }

    @Test
    void shouldMakeNoSignalWhenTwoModelsDisagreeOnTheDirection() {
        predict("105");
        // an hourly model calls a fall: its 23:00 candle closes at 00:00 too, under its own SMA 50
        long hourly = SignalTestData.activeModel(pool, "1h", 0.9);
        Instant lastHour = Instant.parse("2031-03-09T23:00:00Z");
        SignalTestData.candle(pool, asset, "1h", lastHour, "101", "101", "99", "100");
        AlertTestData.indicators(
                pool,
                asset,
                "1h",
                lastHour,
                new JsonObject()
                        .put("RSI", 45)
                        .put("SMA", new JsonObject().put("50", 105))
                        .put("ATR", new JsonObject().put("14", 1)));
        SignalTestData.prediction(
                pool, asset, hourly, "97", "100", "0.6", 1, Instant.parse("2031-03-10T01:00:00Z"), MADE);

        GenerationReport report = generate();

        assertThat(report.skipped()).containsEntry(Skip.CONFLICT, 2);
        assertThat(SignalTestData.signalsOf(pool, asset)).isEmpty();
    }
}
