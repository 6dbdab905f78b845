package org.coinpilot.prediction.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.coinpilot.prediction.testing.PredictionTestData.model;
import static org.coinpilot.prediction.testing.PredictionTestData.prediction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.security.Roles;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.prediction.service.PredictionScoringService;
import org.junit.jupiter.api.Test;

/** The leaderboard and a version's scorecards through the real stack: order, beatsNaive, roles, bad input. */
@QuarkusTest
class ModelPerformanceResourceTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    PredictionScoringService scoring;

    /** {@code days} daily predictions of {@code model}: actual + {@code error}, from input actual − 10. */
    void predictions(long asset, long model, Instant start, int days, int error) {
        for (int i = 0; i < days; i++) {
            Instant open = start.plus(Duration.ofDays(i));
            BigDecimal actual = BigDecimal.valueOf(1000 + i);
            prediction(
                    pool,
                    asset,
                    model,
                    open.minusSeconds(3600),
                    open.plus(Duration.ofDays(1)),
                    actual.subtract(BigDecimal.TEN).toPlainString(),
                    actual.add(BigDecimal.valueOf(error)).toPlainString(),
                    "0.5",
                    "1");
        }
    }

    @Test
    void shouldRankActiveVersionsByMaseAndSayWhichBeatTheNaiveForecast() {
        long asset = MarketTestData.asset(pool, "LBA", false);
        Instant start = Instant.parse("2020-03-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            AlertTestData.candle(pool, asset, "1d", start.plus(Duration.ofDays(i)), Integer.toString(1000 + i));
        }
        long good = model(pool, "lb-good", "1d", true); // error 1, naive error 10: MASE 0.1 on 30
        long few = model(pool, "lb-few", "1d", true); // MASE 0.1 on 5 only: too few to say
        long bad = model(pool, "lb-bad", "1d", true); // error 20: MASE 2
        long none = model(pool, "lb-none", "1d", true); // never scored
        long inactive = model(pool, "lb-off", "1d", false); // the best, but not active
        predictions(asset, good, start, 30, 1);
        predictions(asset, few, start, 5, -1);
        predictions(asset, bad, start, 30, 20);
        predictions(asset, inactive, start, 30, 0);
        Instant now = Instant.parse("2020-04-15T00:00:00Z");
        OnVertxContext.await(vertx, () -> scoring.score(now));
        OnVertxContext.await(vertx, () -> scoring.writeScorecards(scoring.asOf(now), now));

        JsonPath body = given().header("Authorization", ADMIN)
                .queryParam("window", "all")
                .queryParam("limit", 500)
                .get("/api/v1/models/leaderboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getString("window")).isEqualTo("all");
        assertThat(body.getInt("minCountToBeatNaive")).isEqualTo(30);
        List<Map<String, Object>> items = body.getList("items");
        List<Long> order = items.stream()
                .map(i -> ((Number) i.get("modelId")).longValue())
                .filter(id -> id == good || id == few || id == bad || id == none || id == inactive)
                .toList();
        assertThat(order).containsExactly(good, few, bad, none); // equal MASE: more predictions first
        Map<String, Object> first = line(items, good);
        assertThat(first.get("beatsNaive")).isEqualTo(true);
        assertThat(((Number) first.get("mase")).doubleValue()).isCloseTo(0.1, within(1e-6)); // JSON read as float
        assertThat(((Number) first.get("mae")).doubleValue()).isCloseTo(1.0, within(1e-6));
        assertThat(first.get("count")).isEqualTo(30);
        assertThat(((Number) first.get("directionalAccuracy")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) first.get("directionalPValue")).doubleValue()).isLessThan(1e-8); // 30 of 30
        assertThat(line(items, few).get("beatsNaive")).isEqualTo(false); // MASE 0.1, but 5 < 30
        assertThat(line(items, bad).get("beatsNaive")).isEqualTo(false);
        assertThat(line(items, none).get("count")).isEqualTo(0);
        assertThat(line(items, none).get("asOf")).isNull();
        assertThat(line(items, none).get("beatsNaive")).isEqualTo(false);
        int rankGood = (Integer) first.get("rank");
        assertThat((Integer) line(items, bad).get("rank")).isGreaterThan(rankGood);

        // users may read the leaderboard (default window: all)
        given().header("Authorization", TestTokens.bearer(TestTokens.user(AlertTestData.user(pool))))
                .get("/api/v1/models/leaderboard")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldShowAVersionsScorecardsToOperatorsOnly() {
        long asset = MarketTestData.asset(pool, "LBB", false);
        Instant start = Instant.parse("2020-06-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            AlertTestData.candle(pool, asset, "1d", start.plus(Duration.ofDays(i)), Integer.toString(1000 + i));
        }
        long model = model(pool, "perf", "1d", true);
        predictions(asset, model, start, 3, 1);
        Instant now = Instant.parse("2020-06-05T12:00:00Z");
        OnVertxContext.await(vertx, () -> scoring.score(now));
        OnVertxContext.await(vertx, () -> scoring.writeScorecards(scoring.asOf(now), now));

        JsonPath cards = given().header("Authorization", ADMIN)
                .get("/api/v1/models/{id}/performance", model)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(cards.getList("window")).containsExactlyInAnyOrder("7d", "30d", "all");
        assertThat(cards.getString("[0].asOf")).isEqualTo("2020-06-05T00:00:00Z");
        assertThat(cards.getInt("[0].count")).isEqualTo(3);
        assertThat(cards.getList("[0].byAsset")).hasSize(1);
        assertThat(cards.getList("[0].byRegime")).isNotEmpty();
        assertThat(cards.getList("[0].reliability")).hasSize(1);

        given().header("Authorization", TestTokens.bearer(TestTokens.token(AlertTestData.user(pool), Roles.SERVICE)))
                .queryParam("window", "7d")
                .queryParam("limit", 5)
                .get("/api/v1/models/{id}/performance", model)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.bearer(TestTokens.user(AlertTestData.user(pool))))
                .get("/api/v1/models/{id}/performance", model)
                .then()
                .statusCode(403);
        given().header("Authorization", ADMIN)
                .get("/api/v1/models/{id}/performance", Long.MAX_VALUE)
                .then()
                .statusCode(404);
        given().header("Authorization", ADMIN)
                .queryParam("window", "90d") // well-formed, not a configured window
                .get("/api/v1/models/{id}/performance", model)
                .then()
                .statusCode(400);
        given().header("Authorization", ADMIN)
                .queryParam("window", "week")
                .get("/api/v1/models/leaderboard")
                .then()
                .statusCode(400);
        given().header("Authorization", ADMIN)
                .queryParam("limit", 501)
                .get("/api/v1/models/leaderboard")
                .then()
                .statusCode(400);
    }

    static Map<String, Object> line(List<Map<String, Object>> items, long modelId) {
        return items.stream()
                .filter(i -> ((Number) i.get("modelId")).longValue() == modelId)
                .findFirst()
                .orElseThrow();
    }
}
