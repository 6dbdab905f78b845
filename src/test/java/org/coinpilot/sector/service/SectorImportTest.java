package org.coinpilot.sector.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.coinpilot.sector.testing.SectorTestData.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.coinpilot.market.testing.FakeExchange;
import org.coinpilot.market.testing.FakeExchange.Fault;
import org.coinpilot.sector.client.CoinGeckoCategoriesClient;
import org.coinpilot.sector.job.SectorImportJob;
import org.coinpilot.sector.testing.SectorTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Importing sectors from CoinGecko categories against the fake exchange: matching by name, slug and
 * characteristics, the even split, idempotent re-import; and the provider's faults (outage, 429 with Retry-After,
 * malformed body): sectors unchanged, one {@code external_api_logs} row per attempt, the task record says it.
 */
@QuarkusTest
class SectorImportTest {

    @Inject
    Pool pool;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    CoinGeckoCategoriesClient client;

    @BeforeEach
    void setUp() {
        FakeExchange.reset();
        breakers.resetAll();
        client.resetPause();
    }

    @AfterEach
    void tearDown() {
        FakeExchange.reset();
        breakers.resetAll();
        client.resetPause();
    }

    record Fixture(String symbol, String gecko, long cryptoId, long first, long second, String firstName) {}

    /** An asset whose CoinGecko categories match two new sectors (by name, and by characteristics), and one not. */
    Fixture fixture(String prefix, boolean supported) {
        String symbol = SectorTestData.unique(prefix);
        String gecko = symbol.toLowerCase() + "-coin";
        long id = SectorTestData.asset(pool, symbol, supported, gecko, "1000");
        String firstName = SectorTestData.unique("Smart Contract Platform ");
        long first = SectorTestData.sector(firstName);
        String secondName = SectorTestData.unique("Payments ");
        String category = SectorTestData.unique("Gecko Pay ");
        long second = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + secondName + "\",\"characteristics\":{\"coingeckoCategories\":[\"" + category
                        + "\"]}}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        FakeExchange.coin(
                gecko,
                "{\"id\":\"" + gecko + "\",\"symbol\":\"" + symbol.toLowerCase() + "\",\"categories\":[\""
                        + firstName.toUpperCase() + "\",\"Unknown Things\",\"" + category + "\"]}");
        return new Fixture(symbol, gecko, id, first, second, firstName);
    }

    static JsonPath importSymbols(String body) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/admin/sectors/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    long logs(String gecko, Integer status, Instant since) {
        return SectorTestData.count(
                pool,
                "SELECT count(*) FROM external_api_logs WHERE api_provider = 'coingecko' AND endpoint = '/coins/{id}'"
                        + " AND request_params ->> 'id' = $1 AND response_status IS NOT DISTINCT FROM $2"
                        + " AND created_at >= $3",
                gecko,
                status,
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    }

    @Test
    void shouldSplitTheAssetOverTheMatchedSectorsWhenImported() {
        Fixture f = fixture("IMP", false);

        JsonPath report = importSymbols("{\"symbols\":[\"" + f.symbol() + "\",\"NOPE-" + f.first() + "\"]}");

        assertThat(report.getInt("imported")).isEqualTo(1);
        assertThat(report.getString("items[0].status")).isEqualTo("IMPORTED");
        assertThat(report.getList("items[0].unmatchedCategories")).containsExactly("Unknown Things");
        assertThat(report.getString("items[1].status")).isEqualTo("UNKNOWN_ASSET");
        given().get("/api/v1/assets/{symbol}/sectors", f.symbol())
                .then()
                .statusCode(200)
                .body("sectors.sectorId", org.hamcrest.Matchers.contains((int) f.first(), (int) f.second()))
                .body("sectors.primary", org.hamcrest.Matchers.contains(true, false))
                .body("sectors.allocationPercentage", org.hamcrest.Matchers.contains("50.0000", "50.0000"));

        // again: skipped without replace, the same result with it (idempotent)
        assertThat(importSymbols("{\"symbols\":[\"" + f.symbol() + "\"]}").getString("items[0].status"))
                .isEqualTo("ALREADY_MAPPED");
        assertThat(importSymbols("{\"symbols\":[\"" + f.symbol() + "\"],\"replace\":true}")
                        .getString("items[0].status"))
                .isEqualTo("IMPORTED");
        given().get("/api/v1/assets/{symbol}/sectors", f.symbol())
                .then()
                .body("sectors.allocationPercentage", org.hamcrest.Matchers.contains("50.0000", "50.0000"))
                .body("totalAllocationPercentage", org.hamcrest.Matchers.equalTo("100.0000"));
    }

    @Test
    void shouldAnswer400NamingSymbolsWhenTheImportRequestIsBad() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"symbols\":[]}")
                .post("/api/v1/admin/sectors/import")
                .then()
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("symbols"));
    }

    @Test
    void shouldKeepTheSectorsAndLogEveryAttemptWhenCoinGeckoIsDown() {
        Instant started = Instant.now().minusSeconds(1);
        Fixture f = fixture("OUT", true);
        SectorTestData.onlySupported(pool, f.cryptoId());
        FakeExchange.fail("/api/v3/coins/" + f.gecko(), Fault.status(500), Fault.status(500), Fault.status(503));

        JsonPath run = SectorJobs.run(SectorImportJob.NAME);

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error"))
                .contains("every CoinGecko call failed")
                .contains("HTTP 503");
        assertThat(logs(f.gecko(), 500, started)).isEqualTo(2);
        assertThat(logs(f.gecko(), 503, started)).isEqualTo(1);
        given().get("/api/v1/assets/{symbol}/sectors", f.symbol())
                .then()
                .body("sectors", org.hamcrest.Matchers.empty());

        // the provider is back: the next run imports
        JsonPath again = SectorJobs.run(SectorImportJob.NAME);
        assertThat(again.getString("status")).isEqualTo("COMPLETED");
        assertThat(again.getInt("result.imported")).isEqualTo(1);
        assertThat(logs(f.gecko(), 200, started)).isEqualTo(1);
    }

    @Test
    void shouldWaitTheRetryAfterThenImportWhenCoinGeckoAnswers429() {
        Instant started = Instant.now().minusSeconds(1);
        Fixture f = fixture("RTA", true);
        SectorTestData.onlySupported(pool, f.cryptoId());
        FakeExchange.fail("/api/v3/coins/" + f.gecko(), Fault.retryAfter(429, 1));

        long t0 = System.nanoTime();
        JsonPath run = SectorJobs.run(SectorImportJob.NAME);
        long elapsed = Duration.ofNanos(System.nanoTime() - t0).toMillis();

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getInt("result.imported")).isEqualTo(1);
        assertThat(elapsed).isGreaterThanOrEqualTo(1000);
        assertThat(logs(f.gecko(), 429, started)).isEqualTo(1);
        assertThat(logs(f.gecko(), 200, started)).isEqualTo(1);
    }

    @Test
    void shouldNotRetryAndKeepTheSectorsWhenTheAnswerIsMalformed() {
        Instant started = Instant.now().minusSeconds(1);
        Fixture f = fixture("MAL", true);
        SectorTestData.onlySupported(pool, f.cryptoId());
        FakeExchange.fail("/api/v3/coins/" + f.gecko(), Fault.malformed());

        JsonPath run = SectorJobs.run(SectorImportJob.NAME);

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("malformed response");
        assertThat(logs(f.gecko(), 200, started)).isEqualTo(1); // one attempt, logged with its error
        assertThat(SectorTestData.count(
                        pool,
                        "SELECT count(*) FROM external_api_logs WHERE request_params ->> 'id' = $1"
                                + " AND error_message LIKE 'malformed response%'",
                        f.gecko()))
                .isEqualTo(1);
        given().get("/api/v1/assets/{symbol}/sectors", f.symbol())
                .then()
                .body("sectors", org.hamcrest.Matchers.empty());
    }
}
