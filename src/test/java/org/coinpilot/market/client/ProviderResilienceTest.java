package org.coinpilot.market.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.job.CatalogueSyncJob;
import org.coinpilot.market.testing.FakeExchange;
import org.coinpilot.market.testing.FakeExchange.Fault;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Politeness and resilience of the provider clients against the fake exchange: CoinGecko's 429 Retry-After, the
 * circuit breaker (markets: 4 attempts per call in %test, opens when 75 % of the last 6 attempts failed) and the
 * Binance weight budget learnt from {@code X-MBX-USED-WEIGHT-1M}.
 */
@QuarkusTest
class ProviderResilienceTest {

    static final String MARKETS = "/api/v3/coins/markets";
    static final Instant FROM = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS);

    @Inject
    Pool pool;

    @Inject
    BinanceClient binance;

    @Inject
    CoinGeckoClient coinGecko;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void setUp() {
        FakeExchange.reset();
        breakers.resetAll();
        binance.gate().reset();
        coinGecko.gate().reset();
    }

    @AfterEach
    void tearDown() {
        FakeExchange.reset();
        breakers.resetAll();
        binance.gate().reset();
        coinGecko.gate().reset();
    }

    @Test
    void shouldWaitTheRetryAfterThenSucceedWhenCoinGeckoAnswers429() {
        Instant started = Instant.now();
        FakeExchange.fail(MARKETS, Fault.retryAfter(429, 1));

        long t0 = System.nanoTime();
        JsonPath run = run(CatalogueSyncJob.NAME);
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
        assertThat(FakeExchange.requests().stream().filter(r -> r.startsWith(MARKETS)))
                .hasSize(2);
        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM external_api_logs WHERE api_provider = 'coingecko'"
                                + " AND endpoint = '/coins/markets' AND response_status = 429 AND created_at >= $1",
                        MarketTestData.odt(started)))
                .isEqualTo(1);
    }

    @Test
    void shouldOpenTheCircuitAndStopCallingWhenCoinGeckoKeepsFailing() {
        Fault[] failures = new Fault[12];
        java.util.Arrays.fill(failures, Fault.status(500));
        FakeExchange.fail(MARKETS, failures);

        JsonPath first = run(CatalogueSyncJob.NAME); // 4 attempts, all 500
        int afterFirst = FakeExchange.requests().size();
        JsonPath second = run(CatalogueSyncJob.NAME); // 2 more: 6 of 6 failed, the circuit opens
        int afterSecond = FakeExchange.requests().size();
        JsonPath third = run(CatalogueSyncJob.NAME); // refused without a request
        int afterThird = FakeExchange.requests().size();

        assertThat(first.getString("status")).isEqualTo("FAILED");
        assertThat(first.getString("error")).contains("HTTP 500");
        assertThat(afterFirst).isEqualTo(4);
        assertThat(second.getString("status")).isEqualTo("FAILED");
        assertThat(afterSecond).isEqualTo(6);
        assertThat(third.getString("status")).isEqualTo("FAILED");
        assertThat(third.getString("error")).containsIgnoringCase("circuit");
        assertThat(afterThird).isEqualTo(afterSecond);
    }

    @Test
    @RunOnVertxContext
    void shouldHoldCallsUntilTheNextMinuteWhenTheReportedWeightReachesTheBudget(UniAsserter asserter) {
        FakeExchange.reportWeight("4799"); // budget: 6000 × 0.8 = 4800
        asserter.execute(() -> binance.klines("WGT", "WGTUSDT", Timeframe.H1, FROM, 5));
        asserter.assertThat(
                () -> Uni.createFrom().item(() -> binance.gate().waitMillis(2)),
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(60_000));
    }

    @Test
    @RunOnVertxContext
    void shouldNotWaitWhenTheReportedWeightIsWellUnderTheBudget(UniAsserter asserter) {
        FakeExchange.reportWeight("1000");
        asserter.execute(() -> binance.klines("WGL", "WGLUSDT", Timeframe.H1, FROM, 5));
        asserter.assertThat(
                () -> Uni.createFrom().item(() -> binance.gate().waitMillis(2)),
                wait -> assertThat(wait).isZero());
    }

    private static JsonPath run(String job) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", job)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
