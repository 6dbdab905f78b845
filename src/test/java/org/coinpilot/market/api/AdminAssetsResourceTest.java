package org.coinpilot.market.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.atomic.AtomicInteger;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.Test;

/** Admin create / update / deactivate of catalogue assets, through the real stack. */
@QuarkusTest
class AdminAssetsResourceTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());
    static final AtomicInteger SEQ = new AtomicInteger();

    @Test
    void shouldCreateTheAssetWithItsLocationWhenTheRequestIsValid() {
        String symbol = symbol();
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body(symbol, "Admin coin", true))
                .post("/api/v1/admin/assets")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/assets/" + symbol))
                .body("symbol", equalTo(symbol))
                .body("name", equalTo("Admin coin"))
                .body("supported", equalTo(true))
                .body("externalIds.binance", equalTo(symbol + "USDT"));

        given().get("/api/v1/assets/{symbol}", symbol).then().statusCode(200).body("name", equalTo("Admin coin"));
    }

    @Test
    void shouldAnswer400NamingEachBadFieldWhenTheRequestIsInvalid() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"symbol\":\"bad symbol!\",\"name\":\"  \"}")
                .post("/api/v1/admin/assets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://docs.coinpilot.org/problems/validation-error"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", containsInAnyOrder("symbol", "name"))
                .body("violations.in", everyItem(equalTo("body")));
    }

    @Test
    void shouldAnswer409WhenTheSymbolExists() {
        String symbol = symbol();
        create(symbol);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body(symbol, "Again", false))
                .post("/api/v1/admin/assets")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("code", equalTo("ASSET_EXISTS"));
    }

    @Test
    void shouldUpdateEveryFieldButTheSymbolWhenTheAssetExists() {
        String symbol = symbol();
        create(symbol);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body("IGNORED", "Renamed", false))
                .put("/api/v1/admin/assets/{symbol}", symbol)
                .then()
                .statusCode(200)
                .body("symbol", equalTo(symbol))
                .body("name", equalTo("Renamed"))
                .body("supported", equalTo(false));
        given().get("/api/v1/assets/{symbol}", symbol).then().statusCode(200).body("name", equalTo("Renamed"));
    }

    @Test
    void shouldDeactivateAndStopIngestingWhenDeleted() {
        String symbol = symbol();
        create(symbol);

        given().header("Authorization", ADMIN)
                .delete("/api/v1/admin/assets/{symbol}", symbol)
                .then()
                .statusCode(204);

        given().get("/api/v1/assets/{symbol}", symbol)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("supported", equalTo(false));
    }

    @Test
    void shouldAnswer404WhenTheSymbolIsUnknown() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body("NOPE", "Nope", false))
                .put("/api/v1/admin/assets/{symbol}", "NOPE-" + SEQ.incrementAndGet())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("code", equalTo("ASSET_NOT_FOUND"));
        given().header("Authorization", ADMIN)
                .delete("/api/v1/admin/assets/{symbol}", "NOPE-" + SEQ.incrementAndGet())
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
    }

    @Test
    void shouldAnswer401Or403WhenTheCallerIsNotAnAdmin() {
        given().contentType(ContentType.JSON)
                .body(body(symbol(), "Anon", false))
                .post("/api/v1/admin/assets")
                .then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.user(424242)))
                .contentType(ContentType.JSON)
                .body(body(symbol(), "User", false))
                .post("/api/v1/admin/assets")
                .then()
                .statusCode(403);
    }

    private static void create(String symbol) {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body(symbol, "Admin coin", true))
                .post("/api/v1/admin/assets")
                .then()
                .statusCode(201);
    }

    private static String body(String symbol, String name, boolean supported) {
        return """
                {"symbol":"%s","name":"%s","externalIds":{"binance":"%sUSDT"},"description":"for tests",
                 "logoUrl":"https://example.org/logo.png","links":{"website":"https://example.org"},
                 "active":true,"supported":%s}""".formatted(symbol, name, symbol, supported);
    }

    private static String symbol() {
        return "ADM" + ProcessHandle.current().pid() % 1000 + "X" + SEQ.incrementAndGet();
    }
}
