package org.coinpilot.macro.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.macro.client.FredProvider;
import org.coinpilot.macro.testing.FakeMacroProviders;
import org.coinpilot.macro.testing.FakeMacroProviders.Fault;
import org.coinpilot.macro.testing.MacroTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Macro indicators: the FRED provider against a fake, values posted through the API, CSV import, history. */
@QuarkusTest
class MacroIndicatorsTest {

    @Inject
    Pool pool;

    @Inject
    FredProvider fred;

    @BeforeEach
    void setUp() {
        MacroTestData.truncate(pool);
        FakeMacroProviders.reset();
        fred.gate().reset();
        TestClock.set(Instant.parse("2024-01-10T12:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
        FakeMacroProviders.reset();
        fred.gate().reset();
    }

    @Test
    void shouldStoreFredValuesAndLeaveHolidaysAbsentWhenTheProviderIsFred() {
        FakeMacroProviders.fred("VIXCLS", "2024-01-01", ".", "2024-01-02", "13.20", "2024-01-03", "14.04");
        FakeMacroProviders.fred("DGS10", "2024-01-02", "3.95");
        FakeMacroProviders.fred("DGS2", "2024-01-02", "4.33");
        FakeMacroProviders.fred("SP500", "2024-01-02", "4742.83");
        FakeMacroProviders.fail("/fred/series/observations", Fault.status(500), Fault.status(500));

        JsonPath run = runFred();

        // DXY (the first in name order) failed twice and is named; the others were stored
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("DXY", "failed");
        assertThat(MacroTestData.count(
                        pool, "SELECT count(*) FROM macro_indicators WHERE indicator_name = 'VIX' AND source = 'fred'"))
                .isEqualTo(2);
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM macro_indicators WHERE observed_on = '2024-01-01'"))
                .isZero();
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM macro_indicators WHERE value = 0"))
                .isZero();
        assertThat(MacroTestData.count(
                        pool,
                        "SELECT count(*) FROM external_api_logs WHERE api_provider = 'fred' AND response_status = 500"
                                + " AND request_params ->> 'series_id' = 'DTWEXBGS'"
                                + " AND NOT request_params ? 'api_key'"))
                .isEqualTo(2);
        assertThat(FakeMacroProviders.requests())
                .anySatisfy(
                        uri -> assertThat(uri).contains("series_id=VIXCLS", "observation_start=", "file_type=json"));

        // the next run starts after the newest stored day of each indicator
        FakeMacroProviders.reset();
        FakeMacroProviders.fred("VIXCLS", "2024-01-04", "13.50");
        runFred();
        assertThat(FakeMacroProviders.requests())
                .anySatisfy(uri -> assertThat(uri).contains("series_id=VIXCLS", "observation_start=2024-01-04"));
    }

    static JsonPath runFred() {
        return given().header("Authorization", MacroTestData.ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .body(Map.of("params", Map.of("provider", "fred")))
                .post("/api/v1/admin/jobs/{name}/runs", "macro.indicators.ingest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldSkipTheRunWhenNoProviderIsConfigured() {
        JsonPath run = MacroTestData.runJob("macro.indicators.ingest");

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getString("result.skipped")).contains("no provider");
    }

    @Test
    void shouldAcceptValuesFromServiceClientsAndAdminsAndRefusePublicUsersWhenPosted() {
        String body = """
                {"values":[{"date":"2024-01-02","value":"13.20"},{"date":"2024-01-03","value":14.04}]}""";
        given().header("Authorization", TestTokens.bearer(TestTokens.token(1, "service")))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/macro/indicators/vix/values")
                .then()
                .statusCode(200)
                .body("inserted", equalTo(2));
        given().header("Authorization", MacroTestData.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/macro/indicators/VIX/values")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(2));
        given().header("Authorization", TestTokens.bearer(TestTokens.user(1)))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/macro/indicators/VIX/values")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/macro/indicators/VIX/values")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenPostedValuesAreBad() {
        given().header("Authorization", MacroTestData.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"values\":[{\"date\":\"2024-01-02\"}]}")
                .post("/api/v1/macro/indicators/VIX/values")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("values[0].value"));
        given().header("Authorization", MacroTestData.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"values\":[{\"date\":\"2024-02-30\",\"value\":\"1\"}]}")
                .post("/api/v1/macro/indicators/VIX/values")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("values[0].date"));
        given().header("Authorization", MacroTestData.ADMIN)
                .contentType(ContentType.JSON)
                .body(
                        "{\"values\":[{\"date\":\"2024-01-02\",\"value\":\"1\"},{\"date\":\"2024-01-02\",\"value\":\"2\"}]}")
                .post("/api/v1/macro/indicators/VIX/values")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("values[1].date"));
        given().header("Authorization", MacroTestData.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"values\":[{\"date\":\"2024-01-02\",\"value\":\"1\"}]}")
                .post("/api/v1/macro/indicators/{name}/values", "V I X")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void shouldImportFredAndYahooShapesAndPageTheHistoryWhenReadBack() {
        JsonPath fredCsv = MacroTestData.importCsv(
                "/api/v1/admin/macro/indicators/US10Y/import",
                "date,value\n2024-01-01,\n2024-01-02,3.95\n2024-01-03,3.91\n2024-01-04,bad\n2024-01-05,4.05\n");
        JsonPath yahoo = MacroTestData.importCsv(
                "/api/v1/admin/macro/indicators/GOLD/import",
                "date,gold_price,High,Low,Open,Volume\n,GC=F,GC=F,GC=F,GC=F,GC=F\n2024-01-02,2064.4,2070,2050,2060,10\n");

        assertThat(fredCsv.getInt("inserted")).isEqualTo(3);
        assertThat(fredCsv.getInt("absent")).isEqualTo(1);
        assertThat(fredCsv.getList("rejected.row", Integer.class)).containsExactly(4);
        assertThat(yahoo.getInt("inserted")).isEqualTo(1);

        JsonPath page = given().queryParam("from", "2024-01-01")
                .queryParam("limit", 2)
                .get("/api/v1/macro/indicators/us10y")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.date", String.class)).containsExactly("2024-01-02", "2024-01-03");
        assertThat(page.getList("items.value", String.class)).containsExactly("3.95", "3.91");
        String next = page.getString("nextCursor");
        assertThat(next).isNotBlank();
        JsonPath rest = given().queryParam("from", "2024-01-01")
                .queryParam("cursor", next)
                .get("/api/v1/macro/indicators/US10Y")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rest.getList("items.date", String.class)).containsExactly("2024-01-05");
        assertThat(rest.getString("nextCursor")).isNull();
        given().queryParam("limit", 1)
                .get("/api/v1/macro/indicators/US10Y")
                .then()
                .statusCode(200)
                .body("items.date", contains("2024-01-05"));

        given().get("/api/v1/macro/indicators/NOPE")
                .then()
                .statusCode(404)
                .body("code", equalTo("MACRO_INDICATOR_NOT_FOUND"));
        given().queryParam("limit", 0)
                .get("/api/v1/macro/indicators/US10Y")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "xyz")
                .get("/api/v1/macro/indicators/US10Y")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        given().queryParam("from", "2024-02-01")
                .queryParam("to", "2024-01-01")
                .get("/api/v1/macro/indicators/US10Y")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("to", "yesterday")
                .get("/api/v1/macro/sentiment")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }
}
