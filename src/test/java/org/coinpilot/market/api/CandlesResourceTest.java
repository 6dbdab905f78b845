package org.coinpilot.market.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.market.persistence.CandleRepository;
import org.coinpilot.market.service.AccessStatsService;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CandlesResourceTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    CandleRepository candles;

    @Inject
    AccessStatsService stats;

    long asset;
    String symbol;

    @BeforeEach
    void setUp() {
        asset = MarketTestData.asset(pool, "CDL", false);
        symbol = MarketTestData.symbol(pool, asset);
        List<Kline> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            BigDecimal price = BigDecimal.valueOf(100 + i);
            rows.add(Kline.of(
                    START.plus(Duration.ofHours(i)),
                    price,
                    price.add(BigDecimal.ONE),
                    price.subtract(BigDecimal.ONE),
                    price,
                    new BigDecimal("1234.567"),
                    null));
        }
        candles.upsert(pool, asset, Timeframe.H1, rows).await().indefinitely();
    }

    @Test
    void shouldPageForwardWithoutOverlapWhenFollowingTheCursor() {
        JsonPath first = page("from=2024-01-01T00:00:00Z&limit=20");
        assertThat(first.getList("items")).hasSize(20);
        assertThat(first.getString("items[0].time")).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(first.getString("items[0].open")).isEqualTo("100.00000000");
        assertThat(first.getString("items[0].volume")).isEqualTo("1234.57");
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();

        JsonPath second = page("from=2024-01-01T00:00:00Z&limit=20&cursor=" + cursor);
        assertThat(second.getList("items")).hasSize(10);
        assertThat(second.getString("items[0].time")).isEqualTo("2024-01-01T20:00:00Z");
        assertThat(second.getString("nextCursor")).isNull();
    }

    @Test
    void shouldReturnTheNewestCandlesOldestFirstWhenFromIsAbsent() {
        JsonPath latest = page("limit=5&to=2024-01-01T10:00:00Z");
        assertThat(latest.getList("items.time"))
                .containsExactly(
                        "2024-01-01T05:00:00Z",
                        "2024-01-01T06:00:00Z",
                        "2024-01-01T07:00:00Z",
                        "2024-01-01T08:00:00Z",
                        "2024-01-01T09:00:00Z");
    }

    @Test
    void shouldServeArchivedCandlesWhenTheRangeIsOlderThanTheRetention() {
        pool.preparedQuery("INSERT INTO price_data_archive (crypto_id, timeframe, open_price, high_price, low_price,"
                        + " close_price, volume, candle_time, technical_indicators)"
                        + " VALUES ($1, '1h', 90, 91, 89, 90, 10, $2, '{\"rsi14\": 55.5}')")
                .execute(Tuple.of(asset, MarketTestData.odt(START.minus(Duration.ofHours(1)))))
                .await()
                .indefinitely();

        JsonPath page = page("from=2023-12-31T00:00:00Z&to=2024-01-01T02:00:00Z&include=indicators");

        assertThat(page.getList("items.time"))
                .containsExactly("2023-12-31T23:00:00Z", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
        assertThat(page.getFloat("items[0].indicators.rsi14")).isEqualTo(55.5f);
    }

    @Test
    void shouldCountReadsInMemoryAndFlushThemInOneStatement() {
        page("limit=1");
        page("limit=1&timeframe=1h");
        stats.flush().await().indefinitely();

        assertThat(MarketTestData.count(
                        pool,
                        "SELECT count(*) FROM cryptocurrencies WHERE id = $1 AND access_count = 2"
                                + " AND (timeframe_usage ->> '1h')::int = 2 AND last_accessed_at IS NOT NULL",
                        asset))
                .isEqualTo(1);
    }

    @Test
    void shouldAnswer404ProblemWhenTheSymbolIsUnknown() {
        given().get("/api/v1/assets/{symbol}/candles", "NOPE404")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://docs.coinpilot.org/problems/not-found"))
                .body("code", equalTo("ASSET_NOT_FOUND"))
                .body("instance", equalTo("/api/v1/assets/NOPE404/candles"))
                .body("violations", nullValue());
    }

    @Test
    void shouldAnswer400NamingTheParameterWhenTheSymbolHoldsANulCharacter() {
        for (String path : List.of("/api/v1/assets/A%00B/candles", "/api/v1/assets/%00")) {
            given().urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("violations", hasSize(1))
                    .body("violations[0].field", equalTo("symbol"))
                    .body("violations[0].in", equalTo("path"))
                    .body("violations[0].message", equalTo("must not contain the character U+0000"));
        }
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheTimeframeIsUnknown() {
        badRequest("timeframe=2h", "timeframe");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenAnInstantIsOutOfRange() {
        badRequest("from=0000-12-31T00:00:00Z", "from");
        badRequest("to=9999-12-31T23:59:59.9999999Z", "to");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenFromIsAfterTo() {
        badRequest("from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z", "from");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheLimitIsOverTheMaximum() {
        badRequest("limit=1001", "limit");
        badRequest("limit=abc", "limit");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenTheCursorOrInstantIsNotOurs() {
        badRequest("cursor=bm90LWEtY3Vyc29y", "cursor");
        badRequest("from=yesterday", "from");
    }

    private void badRequest(String query, String field) {
        given().get("/api/v1/assets/" + symbol + "/candles?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://docs.coinpilot.org/problems/validation-error"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].in", equalTo("query"));
    }

    private JsonPath page(String query) {
        return given().get("/api/v1/assets/" + symbol + "/candles?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
