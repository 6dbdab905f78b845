package org.coinpilot.prediction.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.prediction.api.ModelResponse;
import org.coinpilot.prediction.api.PredictionQuery;
import org.coinpilot.prediction.api.PredictionResponse;
import org.coinpilot.prediction.api.RegisterModelRequest;
import org.coinpilot.prediction.domain.ModelArchitecture;
import org.coinpilot.prediction.domain.ModelType;
import org.coinpilot.prediction.domain.TargetVariable;
import org.coinpilot.prediction.domain.VolatilityLevel;
import org.coinpilot.prediction.job.PredictionGenerationJob;
import org.junit.jupiter.api.Test;

/**
 * The prediction job on crafted daily candles: every field filled (the naive forecast checked by hand), the four layers
 * snapshotted, no look-ahead, idempotent runs, and no prediction from a series with a gap, too few or missing candles.
 */
@QuarkusTest
class PredictionGenerationServiceTest {

    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);
    /** Odd candles close here, even ones at 100: every log return is ±ln(1.030454534) = ±0.0300000000451. */
    static final String HIGH = "103.04545340";

    @Inject
    Pool pool;

    @Inject
    PredictionGenerationService generation;

    @Inject
    PredictionService predictions;

    @Inject
    ModelRegistryService registry;

    @Inject
    io.vertx.core.Vertx vertx;

    <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        return org.coinpilot.common.test.OnVertxContext.await(vertx, work);
    }

    record Series(long id, String symbol, Instant lastOpen) {}

    /** The only supported asset, with {@code days} daily candles alternating 100 / 103.0454534, one missing. */
    Series series(String prefix, int days, int missing) {
        long asset = MarketTestData.asset(pool, prefix, true);
        for (int i = 0; i < days; i++) {
            if (i != missing) {
                AlertTestData.candle(pool, asset, "1d", START.plus(DAY.multipliedBy(i)), i % 2 == 0 ? "100" : HIGH);
            }
        }
        return new Series(asset, MarketTestData.symbol(pool, asset), START.plus(DAY.multipliedBy(days - 1L)));
    }

    /** Registers and activates a baseline version of the asset (its configuration is the forecaster). */
    ModelResponse model(Series s, String method, Map<String, Object> parameters) {
        Map<String, Object> configuration = new java.util.LinkedHashMap<>(parameters);
        configuration.put("method", method);
        configuration.put("horizon", 1);
        configuration.put("cryptoId", s.id());
        ModelResponse created = await(() -> registry.register(new RegisterModelRequest(
                method + "-" + s.symbol() + "-1d-h1",
                "v1",
                method.equals("ridge") ? ModelArchitecture.REGRESSION : ModelArchitecture.BASELINE,
                ModelType.ASSET,
                null,
                configuration,
                List.of("log_close"),
                null,
                Timeframe.D1,
                TargetVariable.PRICE,
                null,
                null,
                null,
                null)));
        return await(() -> registry.activate(created.id()));
    }

    List<ModelResponse> baselines(Series s) {
        return List.of(
                model(s, "naive", Map.of()),
                model(s, "drift", Map.of("window", 30)),
                model(s, "ridge", Map.of("lags", 3, "lambda", 1.0, "window", 500)));
    }

    List<PredictionResponse> predictionsOf(long modelId) {
        PredictionQuery query = new PredictionQuery();
        query.modelId = modelId;
        return await(() -> predictions.list(query, new PageQuery(0, 100, false)))
                .items();
    }

    long count(Series s) {
        return MarketTestData.count(pool, "SELECT count(*) FROM predictions WHERE crypto_id = $1", s.id());
    }

    void exec(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely();
    }

    long insertId(String sql, Object... params) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(params))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void shouldFillEveryFieldFromTheClosedCandlesAndSnapshotTheFourLayers() {
        Series s = series("PGA", 120, -1);
        List<ModelResponse> models = baselines(s);
        // the next candle has opened but not closed at T: it is not used
        Instant asOf = s.lastOpen().plus(DAY).plus(Duration.ofHours(12));
        AlertTestData.candle(pool, s.id(), "1d", s.lastOpen().plus(DAY), "500");
        // layer 2: a primary sector with a snapshot before T and a rotation into it; layer 3: a system and a personal
        // list; layer 4: an active long signal
        long sector = insertId("INSERT INTO crypto_sectors (name) VALUES ($1) RETURNING id", "Sector " + s.symbol());
        long other = insertId("INSERT INTO crypto_sectors (name) VALUES ($1) RETURNING id", "Other " + s.symbol());
        exec(
                "INSERT INTO crypto_sector_mapping (crypto_id, sector_id, allocation_percentage, is_primary_sector)"
                        + " VALUES ($1, $2, 100, true)",
                s.id(),
                sector);
        exec(
                "INSERT INTO sector_performance (sector_id, performance_7d, created_at) VALUES ($1, 5.5, $2)",
                sector,
                MarketTestData.odt(asOf.minus(Duration.ofHours(2))));
        exec(
                "INSERT INTO sector_performance (sector_id, performance_7d, created_at) VALUES ($1, 9.9, $2)",
                sector,
                MarketTestData.odt(asOf.plus(Duration.ofHours(2)))); // after T: not seen
        exec(
                "INSERT INTO sector_rotation_analysis (from_sector_id, to_sector_id, rotation_strength,"
                        + " confidence_score, created_at) VALUES ($1, $2, 0.5, 0.6, $3)",
                other,
                sector,
                MarketTestData.odt(asOf.minus(DAY)));
        long user = AlertTestData.user(pool);
        long system = insertId(
                "INSERT INTO watchlists (name, watchlist_type) VALUES ($1, 'default') RETURNING id",
                "System " + s.symbol());
        long personal = insertId(
                "INSERT INTO watchlists (name, user_id) VALUES ($1, $2) RETURNING id", "Mine " + s.symbol(), user);
        for (long list : List.of(system, personal)) {
            exec(
                    "INSERT INTO watchlist_assets (watchlist_id, crypto_id, position_type, created_at)"
                            + " VALUES ($1, $2, 'long', $3)",
                    list,
                    s.id(),
                    MarketTestData.odt(START));
        }
        exec(
                "INSERT INTO trading_signals (crypto_id, signal_type, entry_price, target_price, stop_loss,"
                        + " created_at, expires_at) VALUES ($1, 'long', 103, 110, 99, $2, $3)",
                s.id(),
                MarketTestData.odt(asOf.minus(Duration.ofHours(1))),
                MarketTestData.odt(asOf.plus(DAY)));

        PredictionGenerationService.Report report = await(() -> generation.generate(asOf));

        assertThat(report.created()).hasSize(3);
        assertThat(report.skipped()).isEmpty();
        PredictionResponse naive = predictionsOf(models.get(0).id()).get(0);
        // by hand: the last closed candle (index 119, odd) closed at 103.0454534; naive predicts it unchanged
        assertThat(naive.predictionType()).isEqualTo("price");
        assertThat(naive.predictedPrice()).isEqualByComparingTo("103.0454534");
        assertThat(naive.inputPrice()).isEqualByComparingTo("103.0454534");
        assertThat(naive.predictionHorizon()).isEqualTo(1);
        // the close of the candle after the next: open of the last input + (1 + 1) days
        assertThat(naive.targetDatetime()).isEqualTo(s.lastOpen().plus(DAY.multipliedBy(2)));
        // σ = ln(1.030454534) = 0.0300000000451: Φ(−ln 0.98 / σ) + Φ(ln 1.02 / σ) − 1 = 0.4950622574
        assertThat(naive.confidenceScore()).isEqualByComparingTo("0.495062");
        assertThat(naive.accuracyThreshold()).isEqualByComparingTo("2");
        assertThat(naive.predictedValue()).containsEntry("level", "0.95");
        // 103.0454534 · exp(∓1.959963984540054 σ)
        assertThat(new BigDecimal((String) naive.predictedValue().get("lower")).doubleValue())
                .isCloseTo(97.1611816937876, within(1e-9));
        assertThat(new BigDecimal((String) naive.predictedValue().get("upper")).doubleValue())
                .isCloseTo(109.2860881403885, within(1e-9));
        // σ √365 = 0.573: medium (0.5 ≤ … < 1.0)
        assertThat(naive.volatilityLevel()).isEqualTo(VolatilityLevel.MEDIUM);
        assertThat(naive.featuresUsed()).containsExactly("close", "ewma_volatility");
        assertThat(naive.inputFeatures())
                .containsEntry("close", "103.0454534")
                .containsEntry("candleTime", s.lastOpen().toString())
                .containsEntry("candles", 120)
                .containsEntry("timeframe", "1d");
        assertThat(((Number) naive.inputFeatures().get("ewma_volatility")).doubleValue())
                .isCloseTo(0.0300000000451, within(1e-12));
        assertThat(naive.predictionTime()).isNotNull().isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(naive.notes()).contains("120 closed 1d candles");
        assertThat(naive.realized()).isFalse();
        assertThat(naive.actualPrice()).isNull();

        Map<String, Object> context = naive.contextData();
        assertThat(context).containsEntry("asOf", asOf.toString()).containsKey("macro");
        @SuppressWarnings("unchecked")
        Map<String, Object> sectorContext = (Map<String, Object>) context.get("sector");
        assertThat(sectorContext).containsEntry("rotationState", "inflow");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sectors = (List<Map<String, Object>>) sectorContext.get("sectors");
        assertThat(sectors).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("sectorId", (int) sector).containsEntry("primary", true);
            assertThat(new BigDecimal((String) m.get("performance7d"))).isEqualByComparingTo("5.5");
        });
        assertThat(context.get("watchlists"))
                .isEqualTo(Map.of(
                        "systemLists", 1,
                        "personalLists", 1,
                        "watchingUsers", 1,
                        "longEntries", 2,
                        "shortEntries", 0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signals = (List<Map<String, Object>>) context.get("signals");
        assertThat(signals).singleElement().satisfies(m -> assertThat(m).containsEntry("signalType", "long"));
        assertThat(naive.marketConditions())
                .containsEntry("sectorRotation", "inflow")
                .containsEntry("systemWatchlists", 1)
                .containsEntry("personalWatchlists", 1)
                .containsEntry("activeSignals", 1)
                .containsEntry("volatilityLevel", "medium");

        PredictionResponse ridge = predictionsOf(models.get(2).id()).get(0);
        assertThat(ridge.featuresUsed())
                .containsExactly("close", "log_return_lag1", "log_return_lag2", "log_return_lag3", "ewma_volatility");
        assertThat(ridge.predictedPrice()).isNotNull();
        assertThat(ridge.confidenceScore()).isEqualByComparingTo(naive.confidenceScore()); // same σ, horizon, threshold
        ModelResponse used = await(() -> registry.get(models.get(0).id()));
        assertThat(used.lastPrediction()).isEqualTo(asOf);
    }

    @Test
    void shouldNotChangeAPredictionWhenLaterCandlesAreAppended() {
        Series s = series("PGB", 120, -1);
        List<ModelResponse> models = baselines(s);
        Instant asOf = s.lastOpen().plus(DAY).plus(Duration.ofHours(12));
        await(() -> generation.generate(asOf));
        List<PredictionResponse> before = new ArrayList<>();
        models.forEach(m -> before.add(predictionsOf(m.id()).get(0)));

        // six later candles, the first opened before T (closed after it), far from the pattern
        for (int i = 1; i <= 6; i++) {
            AlertTestData.candle(pool, s.id(), "1d", s.lastOpen().plus(DAY.multipliedBy(i)), String.valueOf(150 + i));
        }
        exec("DELETE FROM predictions WHERE crypto_id = $1", s.id());
        PredictionGenerationService.Report again = await(() -> generation.generate(asOf));

        assertThat(again.created()).hasSize(3);
        for (int i = 0; i < models.size(); i++) {
            PredictionResponse was = before.get(i);
            PredictionResponse now = predictionsOf(models.get(i).id()).get(0);
            assertThat(now.predictedPrice()).isEqualByComparingTo(was.predictedPrice());
            assertThat(now.confidenceScore()).isEqualByComparingTo(was.confidenceScore());
            assertThat(now.inputPrice()).isEqualByComparingTo(was.inputPrice());
            assertThat(now.inputFeatures()).isEqualTo(was.inputFeatures());
            assertThat(now.predictedValue()).isEqualTo(was.predictedValue());
            assertThat(now.targetDatetime()).isEqualTo(was.targetDatetime());
        }
        // the same candles are used once they have closed
        Instant later = asOf.plus(DAY.multipliedBy(3));
        await(() -> generation.generate(later));
        PredictionResponse newest = predictionsOf(models.get(0).id()).get(0);
        assertThat(newest.predictedPrice()).isEqualByComparingTo("153");
    }

    @Test
    void shouldNotDuplicatePredictionsWhenRunTwiceOnTheSameClosedCandle() {
        Series s = series("PGC", 120, -1);
        baselines(s);
        Instant asOf = s.lastOpen().plus(DAY).plus(Duration.ofMinutes(5));
        assertThat(await(() -> generation.generate(asOf)).created()).hasSize(3);

        PredictionGenerationService.Report second = await(() -> generation.generate(asOf.plus(Duration.ofHours(6))));
        assertThat(second.created()).isEmpty();
        assertThat(second.alreadyPredicted()).hasSize(3);

        // the registered job, run by an operator as of the same instant
        JsonPath task = given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .body(Map.of("params", Map.of("asOf", asOf.toString())))
                .post("/api/v1/admin/jobs/{name}/runs", PredictionGenerationJob.NAME)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getInt("result.created")).isZero();
        assertThat(task.getInt("result.alreadyPredicted")).isEqualTo(3);
        assertThat(count(s)).isEqualTo(3);
    }

    @Test
    void shouldPredictNothingFromASeriesWithAGapAndSayWhy() {
        Series s = series("PGD", 120, 60);
        model(s, "naive", Map.of());
        Instant asOf = s.lastOpen().plus(DAY);

        PredictionGenerationService.Report report = await(() -> generation.generate(asOf));

        assertThat(report.created()).isEmpty();
        assertThat(report.skipped())
                .containsExactly(s.symbol() + " 1d: gap after the candle of " + START.plus(DAY.multipliedBy(59))
                        + " (next stored " + START.plus(DAY.multipliedBy(61)) + ")");
        assertThat(count(s)).isZero();
    }

    @Test
    void shouldPredictNothingFromTooFewOrMissingCandlesAndSayWhy() {
        Series s = series("PGE", 50, -1);
        model(s, "naive", Map.of());

        PredictionGenerationService.Report few =
                await(() -> generation.generate(s.lastOpen().plus(DAY)));
        assertThat(few.skipped()).containsExactly(s.symbol() + " 1d: 50 closed candles, 100 needed");

        Series t = series("PGF", 120, -1);
        model(t, "naive", Map.of());
        // two days after the last stored candle closed: the newest closed candle is missing
        Instant late = t.lastOpen().plus(DAY.multipliedBy(3));
        PredictionGenerationService.Report stale = await(() -> generation.generate(late));
        assertThat(stale.skipped())
                .containsExactly(t.symbol() + " 1d: the newest closed candle ("
                        + t.lastOpen().plus(DAY.multipliedBy(2)) + ") is not stored; the last stored is "
                        + t.lastOpen());
        assertThat(count(s) + count(t)).isZero();
    }
}
