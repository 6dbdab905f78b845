package org.coinpilot.common.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typed query parameters that do not parse are a 400 naming the parameter (they were a bare 404, and any boolean text
 * other than "true" was read as false).
 */
@QuarkusTest
class StrictQueryParametersTest {

    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @ParameterizedTest
    @CsvSource({
        "/api/v1/admin/tasks, page, abc, must be a whole number",
        "/api/v1/admin/tasks, size, 2147483648, must be a whole number",
        "/api/v1/admin/users, active, maybe, must be true or false",
        "/api/v1/admin/users, role, NOPE, 'has an unknown value; allowed: '",
        "/api/v1/admin/activities, entityId, x, must be a whole number",
        "/api/v1/admin/external-api-logs/summary, hours, 1.5, must be a whole number",
        "/api/v1/alerts, type, price, 'has an unknown value; allowed: PRICE_TARGET'",
        "/api/v1/notifications, includeTotal, yes, must be true or false"
    })
    void shouldAnswer400NamingTheParameterWhenItsTextDoesNotParse(
            String path, String parameter, String value, String message) {
        given().header("Authorization", ADMIN)
                .queryParam(parameter, value)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo(parameter))
                .body("violations[0].in", equalTo("query"))
                .body("violations[0].message", startsWith(message));
    }

    @Test
    void shouldStillReadWellFormedValuesAndDefaults() {
        given().header("Authorization", ADMIN)
                .queryParam("active", "TRUE")
                .queryParam("role", "ADMIN")
                .queryParam("page", " 0 ")
                .get("/api/v1/admin/users")
                .then()
                .statusCode(200);
        given().header("Authorization", ADMIN).get("/api/v1/admin/tasks").then().statusCode(200);
        given().header("Authorization", ADMIN)
                .queryParam("hours", 24)
                .get("/api/v1/admin/external-api-logs/summary")
                .then()
                .statusCode(200);
    }
}
