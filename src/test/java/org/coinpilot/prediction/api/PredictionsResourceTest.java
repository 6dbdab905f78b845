package org.coinpilot.prediction.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.security.Roles;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.CandleTimes;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** External predictions through the real stack: service role only, registered version, each bad field named. */
@QuarkusTest
class PredictionsResourceTest {

    @Inject
    Pool pool;

    long service;
    long user;
    String symbol;
    long modelId;

    @BeforeEach
    void setUp() {
        service = AlertTestData.user(pool);
        user = AlertTestData.user(pool);
        symbol = MarketTestData.symbol(pool, MarketTestData.asset(pool, "PR", false));
        Map<String, Object> version = new HashMap<>();
        version.put("name", "external-" + UUID.randomUUID().toString().substring(0, 8));
        version.put("version", "1");
        version.put("architecture", "TRANSFORMER");
        version.put("modelType", "ASSET");
        version.put("trainingDataTimeframe", "1d");
        version.put("targetVariable", "PRICE");
        modelId = asService()
                .body(version)
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    RequestSpecification asService() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.token(service, Roles.SERVICE)))
                .contentType(ContentType.JSON);
    }

    RequestSpecification asAdmin() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON);
    }

    RequestSpecification asUser() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON);
    }

    /** The close of the daily candle forming now: one candle after the last closed one. */
    static Instant nextClose() {
        return CandleTimes.floor(Timeframe.D1, Instant.now()).plus(Duration.ofDays(1));
    }

    Map<String, Object> prediction() {
        Map<String, Object> body = new HashMap<>();
        body.put("modelId", modelId);
        body.put("symbol", symbol);
        body.put("predictedPrice", "101.5");
        body.put("inputPrice", "100");
        body.put("confidenceScore", "0.62");
        body.put("accuracyThreshold", "2");
        body.put("predictionHorizon", 1);
        body.put("targetDatetime", nextClose().toString());
        body.put("predictedValue", Map.of("lower", "95", "upper", "108", "level", "0.95"));
        body.put("featuresUsed", List.of("close", "rsi_14"));
        body.put("inputFeatures", Map.of("close", "100", "rsi_14", 55.5));
        body.put("volatilityLevel", "LOW");
        body.put("predictionTime", "0.25");
        return body;
    }

    Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = prediction();
        body.put(field, value);
        return body;
    }

    ValidatableResponse post(Map<String, Object> body) {
        return asService().body(body).post("/api/v1/predictions").then();
    }

    @Test
    void shouldRecordAServicePredictionWithLocationAndReadItsFullRecord() {
        var created = post(prediction()).statusCode(201).extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/predictions/" + id);

        JsonPath read = asAdmin()
                .get("/api/v1/predictions/{id}", id)
                .then()
                .statusCode(200)
                .body("symbol", equalTo(symbol))
                .body("modelId", equalTo((int) modelId))
                .body("predictionHorizon", equalTo(1))
                .body("predictedValue.level", equalTo("0.95"))
                .body("realized", equalTo(false))
                .body("actualPrice", nullValue())
                .body("accurate", nullValue())
                .body("evaluatedAt", nullValue())
                .extract()
                .jsonPath();
        assertThat(Instant.parse(read.getString("targetDatetime"))).isEqualTo(nextClose());
        // numeric(38,18) and numeric(7,6): the stored values at their column scale
        assertThat(new java.math.BigDecimal(read.getString("predictedPrice"))).isEqualByComparingTo("101.5");
        assertThat(new java.math.BigDecimal(read.getString("confidenceScore"))).isEqualByComparingTo("0.62");
        asService().get("/api/v1/predictions/{id}", id).then().statusCode(200);
        // the version's last prediction is recorded
        asAdmin()
                .get("/api/v1/models/{id}", modelId)
                .then()
                .statusCode(200)
                .body("lastPrediction", org.hamcrest.Matchers.notNullValue());

        asAdmin()
                .queryParam("modelId", modelId)
                .queryParam("symbol", symbol)
                .queryParam("realized", false)
                .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofHours(1)).toString())
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("totalItems", equalTo(1));
        asAdmin()
                .queryParam("modelId", modelId)
                .queryParam("realized", true)
                .get("/api/v1/predictions")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        asAdmin()
                .queryParam("from", "yesterday")
                .get("/api/v1/predictions")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));

        // the same version, asset, horizon and target again
        post(prediction()).statusCode(409).body("code", equalTo("PREDICTION_EXISTS"));
    }

    @Test
    void shouldLetOnlyServiceClientsPost() {
        asUser().body(prediction()).post("/api/v1/predictions").then().statusCode(403);
        asAdmin().body(prediction()).post("/api/v1/predictions").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(prediction())
                .post("/api/v1/predictions")
                .then()
                .statusCode(401);
        asUser().get("/api/v1/predictions").then().statusCode(403);
        given().get("/api/v1/predictions").then().statusCode(401);
        assertThat(MarketTestData.count(pool, "SELECT count(*) FROM predictions WHERE ai_models_id = $1", modelId))
                .isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownPrediction() {
        asAdmin()
                .get("/api/v1/predictions/{id}", Long.MAX_VALUE)
                .then()
                .statusCode(404)
                .body("code", equalTo("PREDICTION_NOT_FOUND"));
    }

    @Test
    void shouldNameEachBadFieldOfTheRequest() {
        // Bean Validation: 400 naming the field
        Map<String, Object> bad = Map.of(
                "predictedPrice", "0",
                "inputPrice", "-1",
                "confidenceScore", "1.5",
                "accuracyThreshold", "101",
                "predictionHorizon", 0,
                "symbol", "B-T-C",
                "predictionTime", "-1");
        bad.forEach(
                (field, value) -> post(with(field, value)).statusCode(400).body("violations[0].field", equalTo(field)));
        Map<String, Object> missing = prediction();
        missing.remove("modelId");
        post(missing).statusCode(400).body("violations[0].field", equalTo("modelId"));
        post(with("predictedValue", Map.of("lower", "95", "upper", "108", "level", "1")))
                .statusCode(400)
                .body("violations[0].field", equalTo("predictedValue.level"));

        // business rules: 422 naming the field
        post(with("modelId", Long.MAX_VALUE))
                .statusCode(422)
                .body("code", equalTo("PREDICTION_INVALID"))
                .body("violations[0].field", equalTo("modelId"));
        post(with("symbol", "NOSUCH" + System.nanoTime() % 100000))
                .statusCode(422)
                .body("violations[0].field", equalTo("symbol"));
        Instant next = nextClose();
        post(with("targetDatetime", next.minus(Duration.ofDays(2)).toString()))
                .statusCode(422)
                .body("violations[0].field", equalTo("targetDatetime"))
                .body("violations[0].message", equalTo("must be after the time of posting"));
        post(with("targetDatetime", next.plus(Duration.ofHours(1)).toString()))
                .statusCode(422)
                .body("violations[0].field", equalTo("targetDatetime"))
                .body("violations[0].message", equalTo("must be the close of a 1d candle"));
        // two candles ahead at horizon 1: the input candle has not closed
        post(with("targetDatetime", next.plus(Duration.ofDays(1)).toString()))
                .statusCode(422)
                .body("violations[0].field", equalTo("targetDatetime"));
        post(with("predictedValue", Map.of("lower", "102", "upper", "108", "level", "0.95")))
                .statusCode(422)
                .body("violations[0].field", equalTo("predictedValue.lower"));
        // the horizon gives the room: two candles ahead at horizon 2 is accepted
        Map<String, Object> two =
                with("targetDatetime", next.plus(Duration.ofDays(1)).toString());
        two.put("predictionHorizon", 2);
        post(two).statusCode(201).body("predictionHorizon", equalTo(2));
    }
}
