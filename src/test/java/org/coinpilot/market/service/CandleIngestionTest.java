package org.coinpilot.market.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.client.BinanceClient;
import org.coinpilot.market.job.CandleIngestJob;
import org.coinpilot.market.testing.FakeExchange;
import org.coinpilot.market.testing.FakeExchange.Fault;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingestion job against the fake exchange (1h candles, 48 of history, pages of 20, at most 3 attempts per
 * call in %test), with the clock pinned at 10:30, so the 10:00 candle is still forming.
 */
@QuarkusTest
class CandleIngestionTest {

    static final Instant NOW = Instant.parse("2024-03-01T10:30:00Z");
    static final Instant LAST_CLOSED = Instant.parse("2024-03-01T09:00:00Z");
    static final Instant FIRST = LAST_CLOSED.minus(Duration.ofHours(47));
    static final String KLINES = "/api/v3/klines";

    @Inject
    Pool pool;

    @Inject
    BinanceClient binance;

    long asset;

    @BeforeEach
    void setUp() {
        TestClock.set(NOW);
        FakeExchange.reset();
        binance.gate().reset();
        asset = MarketTestData.asset(pool, "ING", true);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
        FakeExchange.reset();
        binance.gate().reset();
    }

    @Test
    void shouldStoreOnlyClosedCandlesWhenTheExchangeSendsTheFormingOne() {
        JsonPath run = run();

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getInt("result.inserted")).isEqualTo(48);
        List<Instant> times = MarketTestData.times(pool, asset, "1h");
        assertThat(times).hasSize(48);
        assertThat(times.get(0)).isEqualTo(FIRST);
        assertThat(times.get(47)).isEqualTo(LAST_CLOSED);
        assertThat(times).doesNotContain(Instant.parse("2024-03-01T10:00:00Z"));
        // volume is the quote-asset (USDT) volume, field 7, rounded to cents
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND scale(volume) = 2 AND volume > 1000",
                        asset))
                .isEqualTo(48);
        // base volume (field 5) and quote volume (field 7) are kept exactly as sent, volume = quote rounded to cents
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM price_data WHERE crypto_id = $1 AND base_volume::text = '12.34567800'"
                                + " AND scale(quote_volume) = 8 AND volume = round(quote_volume, 2)",
                        asset))
                .isEqualTo(48);
    }

    @Test
    void shouldWriteNothingAndAskOnlyForNewCandlesWhenRunAgain() {
        run();
        FakeExchange.reset();
        TestClock.set(NOW.plus(Duration.ofHours(1)));

        JsonPath second = run();

        assertThat(second.getInt("result.inserted")).isEqualTo(1);
        assertThat(second.getInt("result.updated")).isZero();
        assertThat(FakeExchange.requests()).hasSize(1);
        assertThat(FakeExchange.requests().get(0))
                .contains("startTime=" + LAST_CLOSED.plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(MarketTestData.times(pool, asset, "1h")).hasSize(49).doesNotHaveDuplicates();
    }

    @Test
    void shouldRetryAndSucceedWhenA5xxIsFollowedByAnAnswer() {
        FakeExchange.fail(KLINES, Fault.status(502));

        JsonPath run = run();

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(MarketTestData.times(pool, asset, "1h")).hasSize(48);
        assertThat(logCount("response_status = 502 AND response_data IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void shouldRecordTheRunFailedWhen5xxPersistsThroughTheRetries() {
        FakeExchange.fail(KLINES, Fault.status(500), Fault.status(503), Fault.status(500));

        JsonPath run = run();

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("HTTP 500");
        assertThat(FakeExchange.requests()).hasSize(3);
        assertThat(logCount("response_status >= 500 AND error_message LIKE 'HTTP 5%'"))
                .isEqualTo(3);
        assertThat(MarketTestData.times(pool, asset, "1h")).isEmpty();
    }

    @Test
    void shouldWaitTheRetryAfterWhenTheExchangeAnswers429() {
        FakeExchange.fail(KLINES, Fault.retryAfter(429, 2));

        long started = System.nanoTime();
        JsonPath run = run();
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(2000);
        assertThat(logCount("response_status = 429")).isEqualTo(1);
        assertThat(MarketTestData.times(pool, asset, "1h")).hasSize(48);
    }

    @Test
    void shouldPauseTheProviderWithoutCallingItWhenTheExchangeAnswers418() {
        FakeExchange.fail(KLINES, Fault.retryAfter(418, 120));

        JsonPath first = run();
        JsonPath second = run();

        assertThat(first.getString("status")).isEqualTo("FAILED");
        assertThat(first.getString("error")).contains("HTTP 418");
        assertThat(second.getString("status")).isEqualTo("FAILED");
        assertThat(second.getString("error")).contains("paused");
        assertThat(FakeExchange.requests()).hasSize(1);
        assertThat(binance.gate().banRemaining()).isGreaterThan(Duration.ofSeconds(100));
    }

    @Test
    void shouldRetryThenFailWhenTheExchangeIsTooSlow() {
        FakeExchange.fail(KLINES, Fault.slow(1500), Fault.slow(1500), Fault.slow(1500));

        JsonPath run = run();

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("timeout");
        assertThat(logCount("response_status IS NULL AND error_message LIKE 'timeout%'"))
                .isEqualTo(3);
    }

    @Test
    void shouldFailWithoutStoringWhenTheExchangeSendsMalformedJson() {
        FakeExchange.fail(KLINES, Fault.malformed());

        JsonPath run = run();

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("malformed");
        assertThat(FakeExchange.requests()).hasSize(1);
        assertThat(logCount("response_status = 200 AND error_message LIKE 'malformed%' AND response_data IS NOT NULL"))
                .isEqualTo(1);
        assertThat(MarketTestData.times(pool, asset, "1h")).isEmpty();
    }

    @Test
    void shouldLeaveNoDuplicatesOrHolesWhenARunKilledMidwayIsRunAgain() {
        // the second page never arrives: the run dies after storing the first page
        String secondPage = "startTime=" + FIRST.plus(Duration.ofHours(20)).toEpochMilli();
        JsonPath killed = runWithSecondPageFailing(secondPage);
        assertThat(killed.getString("status")).isEqualTo("FAILED");
        assertThat(MarketTestData.times(pool, asset, "1h")).hasSize(20);

        FakeExchange.reset();
        JsonPath again = run();

        assertThat(again.getString("status")).isEqualTo("COMPLETED");
        assertThat(again.getInt("result.inserted")).isEqualTo(28);
        List<Instant> times = MarketTestData.times(pool, asset, "1h");
        assertThat(times).hasSize(48).doesNotHaveDuplicates();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isEqualTo(Duration.ofHours(1));
        }
        assertThat(MarketTestData.count(pool, "SELECT count(*) FROM market_candle_gaps WHERE crypto_id = $1", asset))
                .isZero();
    }

    @Test
    void shouldRecordAGapAndFillItWhenTheExchangeSkipsCandlesThenHasThem() {
        Instant holeFrom = FIRST.plus(Duration.ofHours(10));
        Instant holeTo = holeFrom.plus(Duration.ofHours(3));
        FakeExchange.hide(holeFrom, holeTo);

        JsonPath first = run();

        assertThat(first.getInt("result.gapsDetected")).isEqualTo(1);
        assertThat(MarketTestData.times(pool, asset, "1h")).hasSize(45);
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM market_candle_gaps WHERE crypto_id = $1 AND gap_start = $2"
                                + " AND gap_end = $3 AND missing_candles = 3 AND filled_at IS NULL",
                        asset,
                        MarketTestData.odt(holeFrom),
                        MarketTestData.odt(holeTo)))
                .isEqualTo(1);

        FakeExchange.reset();
        JsonPath second = run();

        assertThat(second.getInt("result.gapsFilled")).isEqualTo(1);
        assertThat(MarketTestData.times(pool, asset, "1h")).hasSize(48);
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM market_candle_gaps WHERE crypto_id = $1 AND filled_at IS NOT NULL",
                        asset))
                .isEqualTo(1);
    }

    private JsonPath runWithSecondPageFailing(String secondPageQuery) {
        // the fake consumes faults in order: first page answers, then three 500s for the second page's attempts
        FakeExchange.reset();
        FakeExchange.fail(KLINES, new Fault(0, null, 1, null), Fault.status(500), Fault.status(500), Fault.status(500));
        JsonPath run = run();
        assertThat(FakeExchange.requests().get(1)).contains(secondPageQuery);
        return run;
    }

    private long logCount(String condition) {
        return MarketTestData.count(
                pool,
                "SELECT count(*) FROM external_api_logs WHERE api_provider = 'binance' AND request_params ->> 'symbol' = $1"
                        + " AND " + condition,
                MarketTestData.symbol(pool, asset) + "USDT");
    }

    private static JsonPath run() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", CandleIngestJob.NAME)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
