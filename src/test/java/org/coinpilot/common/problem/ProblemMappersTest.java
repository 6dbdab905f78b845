package org.coinpilot.common.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.Test;

/** Every failure kind becomes a complete RFC 9457 body, with nothing internal in it. */
@QuarkusTest
class ProblemMappersTest {

    private static final String BASE = "https://docs.coinpilot.org/problems/";
    private static final String PATH = "/test/problems";

    @Test
    void shouldNameEveryInvalidBodyFieldWhenValidationFails() {
        JsonPath body = problem(
                        given().contentType(ContentType.JSON)
                                .body("{\"email\":\"nope\",\"quantity\":\"-1\",\"side\":\"LONG\","
                                        + "\"legs\":[{\"price\":\"1\"},{\"price\":\"0\"}]}")
                                .post(PATH + "/orders")
                                .then(),
                        400,
                        "validation-error",
                        "Invalid request",
                        "VALIDATION_FAILED",
                        "The request has invalid fields.",
                        PATH + "/orders")
                .extract()
                .jsonPath();
        assertThat(body.getList("violations", Map.class))
                .containsExactly(
                        Map.of("field", "email", "in", "body", "message", "must be a well-formed email address"),
                        Map.of("field", "legs[1].price", "in", "body", "message", "must be greater than 0"),
                        Map.of("field", "quantity", "in", "body", "message", "must be greater than 0"));
    }

    @Test
    void shouldNameTheQueryParameterWhenItIsOutOfRange() {
        JsonPath body = problem(
                        given().queryParam("limit", 5000).get(PATH + "/range").then(),
                        400,
                        "validation-error",
                        "Invalid request",
                        "VALIDATION_FAILED",
                        "The request has invalid fields.",
                        PATH + "/range")
                .extract()
                .jsonPath();
        assertThat(body.getList("violations", Map.class))
                .containsExactly(
                        Map.of("field", "limit", "in", "query", "message", "must be less than or equal to 1000"));
    }

    @Test
    void shouldAnswer400WithoutInternalsWhenTheBodyIsNotJson() {
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"email\": ")
                        .post(PATH + "/orders")
                        .then(),
                400,
                "malformed-request",
                "Malformed request",
                "MALFORMED_REQUEST",
                "The request body is not valid JSON.",
                PATH + "/orders");
    }

    @Test
    void shouldNameTheFieldWhenAValueHasTheWrongType() {
        JsonPath body = problem(
                        given().contentType(ContentType.JSON)
                                .body("{\"email\":\"a@b.co\",\"quantity\":\"lots\",\"side\":\"LONG\"}")
                                .post(PATH + "/orders")
                                .then(),
                        400,
                        "validation-error",
                        "Invalid request",
                        "VALIDATION_FAILED",
                        "The request has invalid fields.",
                        PATH + "/orders")
                .extract()
                .jsonPath();
        assertThat(body.getList("violations", Map.class))
                .containsExactly(Map.of(
                        "field", "quantity",
                        "in", "body",
                        "message", "has a value of the wrong type; expected a number (decimals as strings)"));
    }

    @Test
    void shouldListAllowedValuesWhenAnEnumValueIsUnknown() {
        JsonPath body = given().contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.co\",\"quantity\":\"1\",\"side\":\"SIDEWAYS\"}")
                .post(PATH + "/orders")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(body.getList("violations", Map.class))
                .containsExactly(
                        Map.of("field", "side", "in", "body", "message", "has an unknown value; allowed: LONG, SHORT"));
    }

    @Test
    void shouldNameTheFieldWhenAnInstantIsMalformed() {
        JsonPath body = given().contentType(ContentType.JSON)
                .body("{\"email\":\"a@b.co\",\"quantity\":\"1\",\"side\":\"LONG\",\"at\":\"yesterday\"}")
                .post(PATH + "/orders")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(body.getString("violations[0].field")).isEqualTo("at");
        assertThat(body.getString("violations[0].message")).contains("ISO-8601");
    }

    @Test
    void shouldNameTheFieldWhenAStringHoldsANulCharacter() {
        expectBodyViolation(
                PATH + "/orders",
                "{\"email\":\"a\\u0000@b.co\",\"quantity\":\"1\",\"side\":\"LONG\"}",
                "email",
                "must not contain the character U+0000");
        expectBodyViolation(
                PATH + "/notes",
                "{\"tags\":[\"ok\",\"x\\u0000\"]}",
                "tags[1]",
                "must not contain the character U+0000");
    }

    @Test
    void shouldNameTheFieldWhenAMapOrTreeHoldsANulCharacter() {
        expectBodyViolation(
                PATH + "/notes",
                "{\"params\":{\"k\":\"v\\u0000\"}}",
                "params.k",
                "must not contain the character U+0000");
        expectBodyViolation(
                PATH + "/notes",
                "{\"params\":{\"deep\":{\"k\\u0000\":\"v\"}}}",
                "params.deep",
                "must not have a key containing the character U+0000");
        expectBodyViolation(
                PATH + "/notes",
                "{\"labels\":{\"k\\u0000\":\"v\"}}",
                "labels",
                "must not have a key containing the character U+0000");
        expectBodyViolation(
                PATH + "/notes",
                "{\"tree\":{\"list\":[1,{\"k\":\"\\u0000\"}]}}",
                "tree.list[1].k",
                "must not contain the character U+0000");
    }

    @Test
    void shouldNameTheFieldWhenAKeyIsGivenTwice() {
        expectBodyViolation(
                PATH + "/orders",
                "{\"email\":\"a@b.co\",\"quantity\":\"1\",\"side\":\"LONG\",\"email\":\"c@d.co\"}",
                "email",
                "must not be given more than once");
        expectBodyViolation(
                PATH + "/notes",
                "{\"params\":{\"a\":1,\"b\":{\"c\":1,\"c\":2}}}",
                "params.b.c",
                "must not be given more than once");
    }

    @Test
    void shouldAnswer400ProblemWhenTheBodyTypeCannotBeConstructed() {
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"name\":\"circle\"}")
                        .post(PATH + "/shapes")
                        .then(),
                400,
                "malformed-request",
                "Malformed request",
                "MALFORMED_REQUEST",
                "The request body does not have the expected shape.",
                PATH + "/shapes");
    }

    @Test
    void shouldNameTheFieldWhenAnInstantIsOutOfRange() {
        String message = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
        expectBodyViolation(PATH + "/notes", "{\"at\":\"+999999999-12-31T23:59:59Z\"}", "at", message);
        expectBodyViolation(PATH + "/notes", "{\"at\":\"0000-12-31T23:59:59Z\"}", "at", message);
        expectBodyViolation(PATH + "/notes", "{\"localAt\":\"+10000-01-01T03:00:00+02:00\"}", "localAt", message);
        given().contentType(ContentType.JSON)
                .body("{\"at\":\"9999-12-31T23:59:59.999999Z\",\"localAt\":\"0001-01-01T02:00:00+02:00\"}")
                .post(PATH + "/notes")
                .then()
                .statusCode(200)
                .body("at", equalTo("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void shouldNameTheParameterWhenAPathOrQueryParameterHoldsANulCharacter() {
        JsonPath body = problem(
                        given().urlEncodingEnabled(false)
                                .get(PATH + "/echo/A%00B?q=x%00")
                                .then(),
                        400,
                        "validation-error",
                        "Invalid request",
                        "VALIDATION_FAILED",
                        "The request has invalid fields.",
                        PATH + "/echo/A%00B")
                .extract()
                .jsonPath();
        assertThat(body.getList("violations", Map.class))
                .containsExactly(
                        Map.of("field", "name", "in", "path", "message", "must not contain the character U+0000"),
                        Map.of("field", "q", "in", "query", "message", "must not contain the character U+0000"));
        given().get(PATH + "/echo/AB?q=x").then().statusCode(200);
    }

    @Test
    void shouldAnswer400WhenTheDatabaseRefusesANulCharacter() {
        for (String path : List.of(PATH + "/nul/sql", PATH + "/nul/hibernate")) {
            problem(
                    given().get(path).then(),
                    400,
                    "validation-error",
                    "Invalid request",
                    "VALIDATION_FAILED",
                    "The text contains a character that cannot be stored (U+0000).",
                    path);
        }
    }

    @Test
    void shouldEchoDecimalsAsPlainStringsWhenSerializing() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"email\":\"a@b.co\",\"quantity\":0.00000001,\"side\":\"SHORT\",\"legs\":[{\"price\":\"1E+3\"}]}")
                .post(PATH + "/orders")
                .then()
                .statusCode(200)
                .body("quantity", equalTo("0.00000001"))
                .body("legs[0].price", equalTo("1000"));
    }

    @Test
    void shouldMapDomainExceptionsToTheirTypeAndCode() {
        problem(
                given().get(PATH + "/not-found/7").then(),
                404,
                "not-found",
                "Resource not found",
                "WIDGET_NOT_FOUND",
                "No widget has id 7.",
                PATH + "/not-found/7");
        problem(
                given().get(PATH + "/rule").then(),
                422,
                "business-rule-violation",
                "Business rule violated",
                "WATCHLIST_LIMIT_REACHED",
                "A watchlist holds at most 50 assets.",
                PATH + "/rule");
    }

    @Test
    void shouldAnswer409WhenAUniqueConstraintIsViolated() {
        problem(
                given().get(PATH + "/unique").then(),
                409,
                "conflict",
                "Conflict",
                "DUPLICATE",
                "A resource with the same unique values already exists.",
                PATH + "/unique");
    }

    @Test
    void shouldAnswer409WhenAnOptimisticLockFails() {
        problem(
                given().get(PATH + "/optimistic").then(),
                409,
                "conflict",
                "Conflict",
                "STALE_VERSION",
                "The resource was changed by another request; reload it and try again.",
                PATH + "/optimistic");
    }

    @Test
    void shouldAnswer503WhenAnOperationTimesOut() {
        problem(
                given().get(PATH + "/timeout").then(),
                503,
                "service-unavailable",
                "Service unavailable",
                "TIMEOUT",
                "The operation timed out; try again shortly.",
                PATH + "/timeout");
    }

    @Test
    void shouldAnswer500WithoutInternalsWhenAnythingElseFails() {
        String raw = problem(
                        given().get(PATH + "/boom").then(),
                        500,
                        "internal-error",
                        "Internal server error",
                        "INTERNAL_ERROR",
                        "An unexpected error occurred; quote the trace id when reporting it.",
                        PATH + "/boom")
                .extract()
                .asString();
        assertThat(raw).doesNotContain("SELECT", "password_hash", "org.coinpilot", "IllegalStateException", "at ");
    }

    @Test
    void shouldAnswer400WhenAServiceThrowsAPlainConstraintViolation() {
        given().get(PATH + "/constraint").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void shouldAnswer401WithBearerChallengeWhenNoTokenIsSent() {
        problem(
                        given().get(PATH + "/admin").then(),
                        401,
                        "unauthorized",
                        "Authentication required",
                        "UNAUTHORIZED",
                        "A valid bearer access token is required.",
                        PATH + "/admin")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void shouldAnswer403WhenTheRoleIsWrong() {
        problem(
                given().header("Authorization", TestTokens.bearer(TestTokens.user(5)))
                        .get(PATH + "/admin")
                        .then(),
                403,
                "forbidden",
                "Forbidden",
                "FORBIDDEN",
                "You are not allowed to perform this operation.",
                PATH + "/admin");
    }

    @Test
    void shouldKeepASaneRequestIdAsTraceId() {
        given().header("X-Request-Id", "req-12345678")
                .get(PATH + "/rule")
                .then()
                .statusCode(422)
                .body("traceId", equalTo("req-12345678"));
    }

    @Test
    void shouldAnswer405ProblemWhenTheMethodIsNotSupported() {
        given().delete(PATH + "/rule")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    private static void expectBodyViolation(String path, String json, String field, String message) {
        JsonPath body = problem(
                        given().contentType(ContentType.JSON)
                                .body(json)
                                .post(path)
                                .then(),
                        400,
                        "validation-error",
                        "Invalid request",
                        "VALIDATION_FAILED",
                        "The request has invalid fields.",
                        path)
                .extract()
                .jsonPath();
        assertThat(body.getList("violations", Map.class))
                .as(json)
                .containsExactly(Map.of("field", field, "in", "body", "message", message));
    }

    /** Asserts the whole problem body except the random trace id, which must be present. */
    private static ValidatableResponse problem(
            ValidatableResponse response,
            int status,
            String slug,
            String title,
            String code,
            String detail,
            String instance) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(BASE + slug))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("detail", equalTo(detail))
                .body("instance", equalTo(instance))
                .body("code", equalTo(code))
                .body("traceId", matchesPattern("[A-Za-z0-9._-]{8,64}"))
                .body("requestId", equalTo(response.extract().header("X-Request-Id")))
                .body(
                        "keySet()",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.in(List.of(
                                "type",
                                "title",
                                "status",
                                "detail",
                                "instance",
                                "code",
                                "requestId",
                                "traceId",
                                "violations"))))
                .body(
                        status == 400 && code.equals("VALIDATION_FAILED") ? "title" : "violations",
                        status == 400 && code.equals("VALIDATION_FAILED") ? equalTo(title) : nullValue());
    }
}
