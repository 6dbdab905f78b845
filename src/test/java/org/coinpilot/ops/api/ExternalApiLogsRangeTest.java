package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code from} / {@code to} time range of {@code GET /api/v1/admin/external-api-logs}. */
@QuarkusTest
class ExternalApiLogsRangeTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    String provider;

    @BeforeEach
    void setUp() {
        provider = "range-" + UUID.randomUUID().toString().substring(0, 8);
        for (String at : new String[] {"2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"}) {
            pool.preparedQuery("INSERT INTO external_api_logs (api_provider, endpoint, response_status, created_at)"
                            + " VALUES ($1, $2, 200, $3)")
                    .execute(Tuple.of(provider, "/at/" + at, OffsetDateTime.parse(at)))
                    .await()
                    .indefinitely();
        }
    }

    @Test
    void shouldReturnOnlyCallsInTheRangeWhenFromAndToAreGiven() {
        given().header("Authorization", ADMIN)
                .queryParam("provider", provider)
                .queryParam("from", "2024-01-01T01:00:00Z")
                .queryParam("to", "2024-01-01T02:00:00Z")
                .get("/api/v1/admin/external-api-logs")
                .then()
                .statusCode(200)
                .body("items.endpoint", contains("/at/2024-01-01T01:00:00Z"))
                .body("totalItems", equalTo(1));
        given().header("Authorization", ADMIN)
                .queryParam("provider", provider)
                .queryParam("from", "2024-01-01T01:00:00Z")
                .get("/api/v1/admin/external-api-logs")
                .then()
                .statusCode(200)
                .body("items.endpoint", contains("/at/2024-01-01T02:00:00Z", "/at/2024-01-01T01:00:00Z"));
        given().header("Authorization", ADMIN)
                .queryParam("provider", provider)
                .queryParam("to", "2024-01-01T01:00:00Z")
                .get("/api/v1/admin/external-api-logs")
                .then()
                .statusCode(200)
                .body("items.endpoint", contains("/at/2024-01-01T00:00:00Z"));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheRangeIsBad() {
        problem("from=yesterday", "from");
        problem("to=2024-13-01T00:00:00Z", "to");
        problem("from=2024-01-01T02:00:00Z&to=2024-01-01T01:00:00Z", "from");
    }

    private static void problem(String query, String field) {
        given().header("Authorization", ADMIN)
                .get("/api/v1/admin/external-api-logs?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].in", equalTo("query"));
    }
}
