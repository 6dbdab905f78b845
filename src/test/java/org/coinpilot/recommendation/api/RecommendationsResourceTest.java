package org.coinpilot.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The recommendations API: own list with filters and paging, the lifecycle over its full matrix, feedback, 404s. */
@QuarkusTest
class RecommendationsResourceTest {

    static final String BASE = "/api/v1/recommendations";
    static final List<String> STATUSES =
            List.of("PENDING", "APPROVED", "FOLLOWED", "IMPLEMENTED", "IGNORED", "EXPIRED", "REJECTED");
    static final Set<String> LEGAL = Set.of(
            "PENDING>APPROVED", "PENDING>REJECTED", "PENDING>IGNORED", "APPROVED>FOLLOWED", "APPROVED>IMPLEMENTED");

    @Inject
    Pool pool;

    long user;
    long other;
    long asset;

    @BeforeEach
    void setUp() {
        user = AlertTestData.user(pool);
        other = AlertTestData.user(pool);
        asset = MarketTestData.asset(pool, "RR", false);
    }

    RequestSpecification as(long userId) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(userId)))
                .contentType(ContentType.JSON);
    }

    long recommendation(long owner, String status, String type, String priority, Instant expiresAt) {
        return pool.preparedQuery("INSERT INTO ai_recommendations (user_id, crypto_id, target_entity_type,"
                        + " target_entity_id, recommendation_type, cause_key, recommendation_title,"
                        + " recommendation_payload, status, priority_level, expires_at)"
                        + " VALUES ($1, $2, 'portfolio', 1, $3, 'test', 'A test', '{\"rule\": \"test\"}'::jsonb, $4, $5,"
                        + " $6) RETURNING id")
                .execute(Tuple.from(new Object[] {
                    owner, asset, type, status, priority, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC)
                }))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    long pending(long owner) {
        return recommendation(owner, "pending", "entry", "medium", Instant.now().plusSeconds(3600));
    }

    @Test
    void shouldListOnlyYourOwnFilteredAndPaged() {
        long entry = recommendation(user, "pending", "entry", "high", null);
        recommendation(user, "approved", "exit", "low", null);
        recommendation(user, "pending", "rebalance", "medium", null);
        long others = recommendation(other, "pending", "entry", "high", null);

        as(user).get(BASE).then().statusCode(200).body("totalItems", equalTo(3));
        as(user).queryParam("status", "PENDING")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2));
        as(user).queryParam("type", "EXIT")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].status", equalTo("APPROVED"))
                .body("items[0].priority", equalTo("LOW"));
        as(user).queryParam("priority", "HIGH")
                .queryParam("type", "ENTRY")
                .get(BASE)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo((int) entry))
                .body("items[0].payload.rule", equalTo("test"))
                .body("items[0].targetEntityType", equalTo("PORTFOLIO"));
        as(user).queryParam("size", 1)
                .queryParam("page", 2)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("totalPages", equalTo(3));
        as(other)
                .get(BASE)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo((int) others));
        as(user).queryParam("status", "NOPE").get(BASE).then().statusCode(400);
        as(user).queryParam("size", 101).get(BASE).then().statusCode(400).body("violations.field", hasItem("size"));
    }

    static Stream<Arguments> matrix() {
        return STATUSES.stream().flatMap(from -> STATUSES.stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("matrix")
    void shouldAllowExactlyTheLegalTransitions(String from, String to) {
        long id = recommendation(
                user, from.toLowerCase(), "exit", "high", Instant.now().plusSeconds(3600));
        if (LEGAL.contains(from + ">" + to)) {
            as(user).body(Map.of("status", to))
                    .post(BASE + "/" + id + "/transitions")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(to))
                    .body(
                            to.equals("FOLLOWED") || to.equals("IMPLEMENTED") ? "implementedAt" : "reviewedAt",
                            notNullValue());
        } else {
            as(user).body(Map.of("status", to))
                    .post(BASE + "/" + id + "/transitions")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("ILLEGAL_TRANSITION"))
                    .body("detail", containsString("is " + from + ";"))
                    .body("detail", containsString("cannot become " + to))
                    .body("violations[0].field", equalTo("status"));
            as(user).get(BASE + "/" + id).then().statusCode(200).body("status", equalTo(from));
        }
    }

    @Test
    void shouldRefuseToActOnAPendingRecommendationPastItsExpiry() {
        long id =
                recommendation(user, "pending", "entry", "medium", Instant.now().minusSeconds(60));
        as(user).body(Map.of("status", "APPROVED"))
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(409)
                .body("code", equalTo("RECOMMENDATION_EXPIRED"))
                .body("detail", containsString("PENDING"))
                .body("detail", containsString("APPROVED"));
        as(user).body(Map.of())
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("status"));
        as(user).body(Map.of("status", "NOPE"))
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldKeepFeedbackAndARatingFromOneToFive() {
        long id = pending(user);
        for (int rating : new int[] {0, 6, -1}) {
            as(user).body(Map.of("rating", rating))
                    .put(BASE + "/" + id + "/feedback")
                    .then()
                    .statusCode(400)
                    .body("violations.field", hasItem("rating"));
        }
        as(user).body(Map.of("feedback", "no rating"))
                .put(BASE + "/" + id + "/feedback")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("rating"));
        as(user).body(Map.of("feedback", "x".repeat(2001), "rating", 3))
                .put(BASE + "/" + id + "/feedback")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("feedback"));
        as(user).body(Map.of("feedback", "spot on", "rating", 5))
                .put(BASE + "/" + id + "/feedback")
                .then()
                .statusCode(200)
                .body("feedback", equalTo("spot on"))
                .body("rating", equalTo(5));
        Map<String, Object> blank = new HashMap<>();
        blank.put("feedback", " ");
        blank.put("rating", 1);
        as(user).body(blank)
                .put(BASE + "/" + id + "/feedback")
                .then()
                .statusCode(200)
                .body("feedback", nullValue())
                .body("rating", equalTo(1));
        as(user).get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("rating", equalTo(1))
                .body("status", equalTo("PENDING"));
    }

    @Test
    void shouldAnswer404ForAnotherUsersRecommendationOnEveryEndpoint() {
        long id = pending(user);
        as(other).get(BASE + "/" + id).then().statusCode(404).body("code", equalTo("RECOMMENDATION_NOT_FOUND"));
        as(other)
                .body(Map.of("status", "APPROVED"))
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(404)
                .body("code", equalTo("RECOMMENDATION_NOT_FOUND"));
        as(other)
                .body(Map.of("feedback", "mine now", "rating", 1))
                .put(BASE + "/" + id + "/feedback")
                .then()
                .statusCode(404)
                .body("code", equalTo("RECOMMENDATION_NOT_FOUND"));
        as(other).get(BASE).then().statusCode(200).body("totalItems", equalTo(0));
        // nothing changed for the owner
        as(user).get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("feedback", nullValue())
                .body("rating", nullValue());
        assertThat(id).isPositive();
    }
}
