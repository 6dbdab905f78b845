package org.coinpilot.common.validation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.api.CandleImportResource;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits the API description declares on input are the ones the server enforces: one test per kind of limit,
 * and a walk over every query parameter of every GET operation of the served document that probes its declared
 * {@code maxLength} and {@code maximum} one past the limit (docs/security.md, "Declared limits").
 */
@QuarkusTest
class DeclaredLimitsTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    long user;
    String symbol;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        symbol = MarketTestData.symbol(pool, MarketTestData.asset(pool, "DL", false));
    }

    RequestSpecification asUser() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON);
    }

    @Test
    void shouldRefuseAParameterLongerThanEveryParameterMayBeWhenItHasNoLimitOfItsOwn() {
        asUser().queryParam("symbol", "B".repeat(InputParameterFilter.MAX_LENGTH + 1))
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("symbol"))
                .body("violations[0].in", equalTo("query"))
                .body("violations[0].message", equalTo("must be at most 1000 characters"));
        asUser().queryParam("symbol", "B".repeat(InputParameterFilter.MAX_LENGTH))
                .get("/api/v1/alerts")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseAParameterGivenMoreOftenThanDeclaredWhenRepeated() {
        List<String> types = new ArrayList<>();
        for (int i = 0; i <= InputParameterFilter.MAX_VALUES; i++) {
            types.add("SYSTEM");
        }
        asUser().queryParam("type", types)
                .get("/api/v1/notifications")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].in", equalTo("query"))
                .body("violations[0].message", equalTo("may be given at most 100 times"));
        asUser().queryParam("type", types.subList(0, InputParameterFilter.MAX_VALUES))
                .get("/api/v1/notifications")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseADecimalLongerThanDeclaredWhenSentAsStringOrNumber() {
        String tooLong = "1." + "0".repeat(63); // 65 characters
        for (Object value : List.of(tooLong, new java.math.BigDecimal(tooLong))) {
            asUser().body(Map.of(
                            "symbol", symbol, "alertType", "PRICE_TARGET", "condition", "ABOVE", "triggerValue", value))
                    .post("/api/v1/alerts")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("violations[0].field", equalTo("triggerValue"))
                    .body("violations[0].message", equalTo("must be a decimal of at most 64 characters"));
        }
        asUser().body(Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "PRICE_TARGET",
                        "condition",
                        "ABOVE",
                        "triggerValue",
                        // 64 characters, a valid trigger value (100): the length itself is accepted
                        "0".repeat(61) + "100"))
                .post("/api/v1/alerts")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseAnIntegerOutsideItsFormatWhenItHasNoBoundOfItsOwn() {
        asUser().body(Map.of(
                        "symbol",
                        symbol,
                        "alertType",
                        "PERCENTAGE_CHANGE",
                        "condition",
                        "MOVES_UP",
                        "triggerValue",
                        "5",
                        "windowCandles",
                        new BigInteger("2147483648")))
                .post("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("windowCandles"));
    }

    @Test
    void shouldRefuseABodyStringLongerThanItsSizeWhenDeclaredByBeanValidation() {
        asUser().body(Map.of(
                        "symbol", symbol,
                        "alertType", "PRICE_TARGET",
                        "condition", "ABOVE",
                        "triggerValue", "1",
                        "message", "m".repeat(1001)))
                .post("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("message"));
    }

    @Test
    void shouldRefuseAHeaderParameterLongerThanDeclaredWhenItIsTheIdempotencyKey() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(101))
                .body(Map.of("title", "Limits", "message", "Declared limits"))
                .post("/api/v1/admin/notifications/broadcast")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("violations[0].in", equalTo("header"));
    }

    @Test
    void shouldRefuseALastEventIdPastItsDeclaredMaximumWhenOpeningTheStream() {
        asUser().header("Last-Event-ID", "9223372036854775808") // Long.MAX_VALUE + 1
                .get("/api/v1/notifications/stream")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("Last-Event-ID"))
                .body("violations[0].in", equalTo("header"));
    }

    @Test
    void shouldRefuseAnImportBodyLongerThanDeclaredWhenItPassesTheBodyLimit() {
        String path = "/api/v1/admin/assets/" + symbol + "/candles/import";
        given().header("Authorization", ADMIN)
                .contentType("text/csv")
                .queryParam("timeframe", "1h")
                .body("x".repeat(CandleImportResource.MAX_BODY_LENGTH + 1))
                .post(path)
                .then()
                .statusCode(413);
        // at the limit the body is read (and its one row rejected)
        given().header("Authorization", ADMIN)
                .contentType("text/csv")
                .queryParam("timeframe", "1h")
                .body("x".repeat(CandleImportResource.MAX_BODY_LENGTH))
                .post(path)
                .then()
                .statusCode(200)
                .body("received", equalTo(1));
    }

    @Test
    void shouldIgnoreUnknownFieldsAndAssignNothingWhenABodyCarriesThem() {
        Map<String, Object> body = new HashMap<>(
                Map.of("symbol", symbol, "alertType", "PRICE_TARGET", "condition", "ABOVE", "triggerValue", "100"));
        body.put("id", 987654321);
        body.put("userId", 1);
        body.put("triggerCount", 99);
        body.put("status", "TRIGGERED");
        body.put("somethingNew", Map.of("a", 1));
        Response created = asUser().body(body).post("/api/v1/alerts");
        created.then().statusCode(201);
        assertThat(created.jsonPath().getLong("id")).isNotEqualTo(987654321L);
        assertThat(created.jsonPath().getInt("triggerCount")).isZero();
        assertThat(created.jsonPath().getString("status")).isEqualTo("ARMED");
        // the alert is the caller's: another user does not see it
        given().header("Authorization", TestTokens.bearer(TestTokens.user(AlertTestData.user(pool))))
                .get("/api/v1/alerts/" + created.jsonPath().getLong("id"))
                .then()
                .statusCode(404);
    }

    /**
     * Every query parameter of every GET operation that declares {@code maxLength} or {@code maximum} is sent one
     * past it, alone, and must be refused with a 400 naming it.
     */
    @Test
    void shouldRefuseEveryQueryParameterPastItsDeclaredLimitWhenTheDocumentIsWalked() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        int probed = 0;
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().endsWith("/stream")) {
                continue;
            }
            String url = path.getKey()
                    .replace("{symbol}", symbol)
                    .replace("{id}", "1")
                    .replace("{userId}", "1")
                    .replace("{actionId}", "1")
                    .replace("{name}", "ops.health-snapshot");
            for (JsonNode parameter : get.path("parameters")) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.path("name").asText();
                JsonNode schema = parameter.path("schema");
                List<String> tooMuch = new ArrayList<>();
                if (schema.has("maxLength")) {
                    tooMuch.add("x".repeat(schema.get("maxLength").asInt() + 1));
                }
                if (schema.has("maximum")) {
                    tooMuch.add(schema.get("maximum")
                            .bigIntegerValue()
                            .add(BigInteger.ONE)
                            .toString());
                }
                for (String value : tooMuch) {
                    probed++;
                    Response response = given().header("Authorization", ADMIN)
                            .queryParam(name, value)
                            .get(url);
                    if (response.statusCode() != 400
                            || !name.equals(response.jsonPath().getString("violations[0].field"))) {
                        failures.add("GET " + path.getKey() + "?" + name + "=<"
                                + value.length() + " chars> answered " + response.statusCode() + " "
                                + response.asString());
                    }
                }
            }
        }
        assertThat(probed).as("query parameters probed").isGreaterThan(30);
        assertThat(failures).isEmpty();
    }
}
