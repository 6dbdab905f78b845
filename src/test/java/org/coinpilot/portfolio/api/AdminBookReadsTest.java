package org.coinpilot.portfolio.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

/** Admins read any user's book and personal watchlists for support; each read leaves an audit row. */
@QuarkusTest
class AdminBookReadsTest {

    @Inject
    Pool pool;

    /** The bootstrap admin's token, from a real login (the audit trail needs a real session). */
    String adminToken() {
        return given().header("X-Forwarded-For", "10.77." + (int) (Math.random() * 250) + ".9")
                .header("User-Agent", "AdminBookReadsTest/" + UUID.randomUUID())
                .contentType(ContentType.JSON)
                .body(Map.of("email", "root@test.coinpilot.dev", "password", "Bootstrap-admin-2026"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    long audits(String type, String entity, long id) {
        return MarketTestData.count(
                pool,
                "SELECT count(*) FROM user_activities WHERE activity_type = $1 AND entity_type = $2 AND entity_id = $3",
                type,
                entity,
                id);
    }

    @Test
    void shouldAuditEveryAdminReadOfAUsersBook() {
        long user = AlertTestData.user(pool);
        long asset = MarketTestData.asset(pool, "AB", false);
        String symbol = MarketTestData.symbol(pool, asset);
        long position = given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .contentType(ContentType.JSON)
                .body(Map.of("symbol", symbol, "assetType", "CRYPTO_ASSET"))
                .post("/api/v1/portfolio/positions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long list = pool.preparedQuery("INSERT INTO watchlists (name, user_id) VALUES ('support', $1) RETURNING id")
                .execute(Tuple.of(user))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
        String admin = "Bearer " + adminToken();
        String base = "/api/v1/admin/portfolio/users/" + user;

        given().header("Authorization", admin)
                .get(base + "/positions")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) position));
        given().header("Authorization", admin).get(base + "/summary").then().statusCode(200);
        given().header("Authorization", admin)
                .get(base + "/journal/statistics")
                .then()
                .statusCode(200);
        given().header("Authorization", admin)
                .get("/api/v1/admin/watchlists/" + list)
                .then()
                .statusCode(200)
                .body("name", equalTo("support"));

        assertThat(audits("portfolio_read_by_admin", "user", user)).isEqualTo(3);
        assertThat(audits("watchlist_read_by_admin", "watchlist", list)).isEqualTo(1);
        // users cannot use the admin reads
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get(base + "/summary")
                .then()
                .statusCode(403);
    }
}
