package org.coinpilot.prediction.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.security.Roles;
import org.coinpilot.common.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model registry through the real stack: register, read, filter, update, activate, roles, bad input. */
@QuarkusTest
class ModelsResourceTest {

    @Inject
    Pool pool;

    long service;
    String name;

    @BeforeEach
    void setUp() {
        service = AlertTestData.user(pool);
        name = "drift-" + UUID.randomUUID().toString().substring(0, 8);
    }

    RequestSpecification asService() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.token(service, Roles.SERVICE)))
                .contentType(ContentType.JSON);
    }

    RequestSpecification asAdmin() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON);
    }

    Map<String, Object> version(String label) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("version", label);
        body.put("architecture", "REGRESSION");
        body.put("modelType", "ASSET");
        body.put("trainingFeatures", List.of("return_1", "rsi_14"));
        body.put("trainingDataRange", Map.of("from", "2024-01-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"));
        body.put("trainingDataTimeframe", "1d");
        body.put("targetVariable", "PRICE");
        body.put("configuration", Map.of("lambda", 0.1, "lags", 5));
        return body;
    }

    long register(String label) {
        return asService()
                .body(version(label))
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void shouldRegisterAnInactiveVersionWithItsDefinitionAndLocation() {
        var created = asService()
                .body(version("1.0.0"))
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .extract();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/models/" + id);
        asAdmin()
                .get("/api/v1/models/{id}", id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("version", equalTo("1.0.0"))
                .body("architecture", equalTo("REGRESSION"))
                .body("modelType", equalTo("ASSET"))
                .body("status", equalTo("INACTIVE"))
                .body("active", equalTo(false))
                .body("trainingFeatures", equalTo(List.of("return_1", "rsi_14")))
                .body("trainingDataRange.from", equalTo("2024-01-01T00:00:00Z"))
                .body("trainingDataTimeframe", equalTo("1d"))
                .body("targetVariable", equalTo("PRICE"))
                .body("configuration.lags", equalTo(5))
                .body("lastPrediction", nullValue());
    }

    @Test
    void shouldRefuseASecondRegistrationOfTheSameVersion() {
        long first = register("1.0.0");
        asService()
                .body(version("1.0.0"))
                .post("/api/v1/models")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("MODEL_VERSION_EXISTS"))
                .body("detail", org.hamcrest.Matchers.containsString("id " + first));
    }

    @Test
    void shouldSwitchTheActiveVersionAtomicallyWhenAnotherIsActivated() {
        long v1 = register("1.0.0");
        long v2 = register("1.1.0");
        asAdmin()
                .post("/api/v1/models/{id}/activate", v1)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        asService()
                .post("/api/v1/models/{id}/activate", v2)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("status", equalTo("ACTIVE"));
        asAdmin()
                .get("/api/v1/models/{id}", v1)
                .then()
                .body("active", equalTo(false))
                .body("status", equalTo("INACTIVE"));
        assertThat(activeIds()).containsExactly(v2);
        // activating the active version again changes nothing
        asAdmin()
                .post("/api/v1/models/{id}/activate", v2)
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
        assertThat(activeIds()).containsExactly(v2);
    }

    @Test
    void shouldLeaveExactlyOneActiveVersionWhenActivationsRace() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(register("race-" + i));
        }
        List<CompletableFuture<Integer>> calls = ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> asAdmin()
                        .post("/api/v1/models/{id}/activate", id)
                        .then()
                        .extract()
                        .statusCode()))
                .toList();
        assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        assertThat(activeIds()).hasSize(1);
    }

    @Test
    void shouldNotActivateAVersionInTrainingOrError() {
        Map<String, Object> training = version("2.0.0");
        training.put("status", "TRAINING");
        long id = asService()
                .body(training)
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .body("status", equalTo("TRAINING"))
                .extract()
                .jsonPath()
                .getLong("id");
        asAdmin()
                .post("/api/v1/models/{id}/activate", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("MODEL_NOT_READY"));
        asService()
                .body(Map.of("status", "ERROR", "healthStatus", Map.of("error", "diverged")))
                .patch("/api/v1/models/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ERROR"))
                .body("healthStatus.error", equalTo("diverged"));
        asAdmin().post("/api/v1/models/{id}/activate", id).then().statusCode(409);
        assertThat(activeIds()).isEmpty();
    }

    @Test
    void shouldRecordTrainingResultsAndDeactivateWhenTheActiveVersionLeavesActive() {
        long id = register("3.0.0");
        asAdmin().post("/api/v1/models/{id}/activate", id).then().statusCode(200);
        asService()
                .body(Map.of(
                        "performanceMetrics", Map.of("mae", "12.5", "mase", "0.97"),
                        "trainingNotes", "walk-forward, 5 folds",
                        "lastTrained", "2025-01-02T00:00:00Z"))
                .patch("/api/v1/models/{id}", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(true))
                .body("performanceMetrics.mase", equalTo("0.97"))
                .body("trainingNotes", equalTo("walk-forward, 5 folds"))
                .body("lastTrained", equalTo("2025-01-02T00:00:00Z"));
        asAdmin()
                .post("/api/v1/models/{id}/deactivate", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("status", equalTo("INACTIVE"));
        assertThat(activeIds()).isEmpty();
    }

    @Test
    void shouldFilterTheRegistryByNameStatusAndActive() {
        long v1 = register("1.0.0");
        long v2 = register("1.1.0");
        asAdmin().post("/api/v1/models/{id}/activate", v2).then().statusCode(200);
        JsonPath all = asAdmin()
                .queryParam("name", name)
                .get("/api/v1/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("items.id", Long.class)).containsExactly(v2, v1);
        assertThat(all.getLong("totalItems")).isEqualTo(2);
        assertThat(asAdmin()
                        .queryParam("name", name)
                        .queryParam("status", "INACTIVE")
                        .get("/api/v1/models")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", Long.class))
                .containsExactly(v1);
    }

    @Test
    void shouldRefuseEndUsersAndAnonymousCallers() {
        long user = AlertTestData.user(pool);
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .get("/api/v1/models")
                .then()
                .statusCode(403);
        given().get("/api/v1/models").then().statusCode(401);
        long id = register("1.0.0");
        given().header("Authorization", TestTokens.bearer(TestTokens.user(user)))
                .post("/api/v1/models/{id}/activate", id)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldNameTheFieldWhenTheInputIsInvalid() {
        Map<String, Object> badName = version("1.0.0");
        badName.put("name", "-drop table");
        asService()
                .body(badName)
                .post("/api/v1/models")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"));

        Map<String, Object> active = version("1.0.0");
        active.put("status", "ACTIVE");
        asService()
                .body(active)
                .post("/api/v1/models")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));

        Map<String, Object> range = version("1.0.0");
        range.put("trainingDataRange", Map.of("from", "2025-01-01T00:00:00Z", "to", "2024-01-01T00:00:00Z"));
        asService()
                .body(range)
                .post("/api/v1/models")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("trainingDataRange.to"));

        Map<String, Object> future = version("1.0.0");
        future.put("lastTrained", "2999-01-01T00:00:00Z");
        asService()
                .body(future)
                .post("/api/v1/models")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("lastTrained"));

        Map<String, Object> type = version("1.0.0");
        type.put("modelType", "WEATHER");
        asService().body(type).post("/api/v1/models").then().statusCode(400);

        asService()
                .body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/models/{id}", register("1.0.0"))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        asAdmin()
                .get("/api/v1/models/{id}", Long.MAX_VALUE)
                .then()
                .statusCode(404)
                .body("code", equalTo("MODEL_NOT_FOUND"));
        asAdmin().post("/api/v1/models/{id}/activate", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void shouldAuditRegistrationAndActivationAsTheCaller() {
        // a real service client with a real session (tokens without one are not attributed)
        JsonPath client = asAdmin()
                .body(Map.of("name", "trainer-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/admin/users/service-clients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String token = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "grantType", "client_credentials",
                        "clientId", client.getString("clientId"),
                        "clientSecret", client.getString("clientSecret")))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        RequestSpecification trainer =
                given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
        long id = trainer.body(version("1.0.0"))
                .post("/api/v1/models")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().header("Authorization", TestTokens.bearer(token))
                .post("/api/v1/models/{id}/activate", id)
                .then()
                .statusCode(200);
        JsonPath trail = asAdmin()
                .queryParam("userId", client.getLong("userId"))
                .get("/api/v1/admin/activities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trail.getList("items.activityType", String.class))
                .containsSubsequence("ai_model_activated", "ai_model_created");
        assertThat(trail.getList("items.entityId", Long.class)).contains(id);
    }

    private List<Long> activeIds() {
        return asAdmin()
                .queryParam("name", name)
                .queryParam("active", true)
                .get("/api/v1/models")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", Long.class);
    }
}
