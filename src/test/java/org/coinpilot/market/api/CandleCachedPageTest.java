package org.coinpilot.market.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.paging.CursorPage;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.client.BinanceClient;
import org.coinpilot.market.job.CandleIngestJob;
import org.coinpilot.market.service.HotCandleCache;
import org.coinpilot.market.testing.FakeExchange;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A "latest N" read served by the hot-series cache returns the page bytes kept with the series: byte for byte (and
 * header for header) what an uncached read returns, and rebuilt after ingestion or an import writes the series.
 */
@QuarkusTest
class CandleCachedPageTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());
    static final Instant NOW = Instant.parse("2024-03-01T10:30:00Z");

    @Inject
    Pool pool;

    @Inject
    HotCandleCache cache;

    @Inject
    ObjectMapper mapper;

    @Inject
    BinanceClient binance;

    @AfterEach
    void tearDown() {
        TestClock.reset();
        FakeExchange.reset();
        binance.gate().reset();
    }

    @Test
    void shouldServeTheUncachedBytesFromTheCacheAndTheNewCandleAfterIngestionWritesTheSeries() {
        TestClock.set(NOW);
        FakeExchange.reset();
        binance.gate().reset();
        long asset = MarketTestData.asset(pool, "PGE", true);
        String symbol = MarketTestData.symbol(pool, asset);
        ingest(); // 48 closed 1h candles, the newest at 09:00

        Response uncached = uncached(symbol, 20);
        Response first = latest(symbol, 20); // fills the cache entry and its page
        Response hit = latest(symbol, 20);

        byte[] expected = jacksonPage(asset, 20);
        assertThat(hit.jsonPath().getList("items.time")).hasSize(20).endsWith("2024-03-01T09:00:00Z");
        assertThat(uncached.asByteArray()).isEqualTo(expected);
        assertThat(first.asByteArray()).isEqualTo(expected);
        assertThat(hit.asByteArray()).isEqualTo(expected);
        assertSameHeaders(hit, uncached);
        assertThat(cachedPage(asset, 20))
                .as("the hit was served from the kept page")
                .isEqualTo(expected);

        TestClock.set(NOW.plus(Duration.ofHours(1)));
        ingest(); // the 10:00 candle closed: one new candle, the entry and its pages dropped

        Response after = latest(symbol, 20);
        Response afterHit = latest(symbol, 20);
        byte[] fresh = jacksonPage(asset, 20);
        assertThat(fresh).isNotEqualTo(expected);
        assertThat(after.jsonPath().getList("items.time")).hasSize(20).endsWith("2024-03-01T10:00:00Z");
        assertThat(after.asByteArray()).isEqualTo(fresh);
        assertThat(afterHit.asByteArray()).isEqualTo(fresh);
        assertThat(uncached(symbol, 20).asByteArray()).isEqualTo(fresh);
        assertThat(cachedPage(asset, 20)).isEqualTo(fresh);
    }

    @Test
    void shouldRebuildThePageWithTheCorrectedCandleWhenAnImportWritesACachedSeries() {
        long asset = MarketTestData.asset(pool, "PGI", false);
        String symbol = MarketTestData.symbol(pool, asset);
        importCsv(symbol, """
                open_time,open,high,low,close,volume
                2024-01-01T00:00:00Z,100,110,90,105,1000
                2024-01-01T01:00:00Z,105,106,104,105.5,200
                """);
        latest(symbol, 100);
        Response hit = latest(symbol, 100);
        assertThat(hit.asByteArray()).isEqualTo(jacksonPage(asset, 100));
        assertSameHeaders(hit, uncached(symbol, 100));

        importCsv(symbol, """
                open_time,open,high,low,close,volume
                2024-01-01T01:00:00Z,105,107,104,106,200
                2024-01-01T02:00:00Z,0.00000001,108,0.00000001,107,0
                """);

        Response after = latest(symbol, 100);
        assertThat(after.jsonPath().getString("items[1].close")).isEqualTo("106.00000000");
        assertThat(after.jsonPath().getString("items[2].open")).isEqualTo("0.00000001");
        assertThat(after.asByteArray()).isEqualTo(jacksonPage(asset, 100));
        assertThat(latest(symbol, 100).asByteArray()).isEqualTo(after.asByteArray());
        assertThat(uncached(symbol, 100).asByteArray()).isEqualTo(after.asByteArray());
    }

    /** Same status, content type and length; nothing else the endpoint sets differs either (no cursor, no ETag). */
    private void assertSameHeaders(Response cached, Response uncached) {
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.contentType()).isEqualTo(uncached.contentType());
        assertThat(cached.header("Content-Length")).isEqualTo(uncached.header("Content-Length"));
        assertThat(cached.headers().asList().stream()
                        .map(h -> h.getName().toLowerCase())
                        .sorted())
                .isEqualTo(uncached.headers().asList().stream()
                        .map(h -> h.getName().toLowerCase())
                        .sorted()
                        .toList());
        // the content type any JSON resource written by Jackson gets
        String asset =
                given().get("/api/v1/assets").then().statusCode(200).extract().contentType();
        assertThat(cached.contentType()).isEqualTo(asset);
    }

    /** The page kept with the cache entry; fails when there is none to be encoded afresh. */
    private byte[] cachedPage(long asset, int limit) {
        return cache.page(asset, Timeframe.H1, limit, rows -> {
            throw new AssertionError("no page kept for limit " + limit);
        });
    }

    /**
     * What the endpoint wrote before pages were encoded by hand: Jackson on a CursorPage of CandleResponse, with the
     * decimals read as the driver's numeric values (not as PostgreSQL's text, which the endpoint now carries).
     */
    private byte[] jacksonPage(long asset, int limit) {
        List<CandleResponse> items = new ArrayList<>();
        pool.preparedQuery("SELECT candle_time, open_price, high_price, low_price, close_price, volume, base_volume,"
                        + " quote_volume FROM price_data"
                        + " WHERE crypto_id = $1 AND timeframe = '1h' ORDER BY candle_time DESC LIMIT $2")
                .execute(Tuple.of(asset, limit))
                .await()
                .indefinitely()
                .forEach(r -> items.add(
                        0,
                        new CandleResponse(
                                r.getOffsetDateTime(0).toInstant(),
                                r.getBigDecimal(1),
                                r.getBigDecimal(2),
                                r.getBigDecimal(3),
                                r.getBigDecimal(4),
                                r.getBigDecimal(5),
                                r.getBigDecimal(6),
                                r.getBigDecimal(7),
                                null)));
        try {
            return mapper.writeValueAsBytes(new CursorPage<>(items, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response latest(String symbol, int limit) {
        return given().get("/api/v1/assets/{symbol}/candles?timeframe=1h&limit=" + limit, symbol)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    /** The same page through the database: a `to` bound is never served by the cache. */
    private static Response uncached(String symbol, int limit) {
        return given().get(
                        "/api/v1/assets/{symbol}/candles?timeframe=1h&to=2100-01-01T00:00:00Z&limit=" + limit, symbol)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static void ingest() {
        String status = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", CandleIngestJob.NAME)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("status");
        assertThat(status).isEqualTo("COMPLETED");
    }

    private static void importCsv(String symbol, String csv) {
        given().header("Authorization", ADMIN)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/admin/assets/{symbol}/candles/import?timeframe=1h", symbol)
                .then()
                .statusCode(200);
    }
}
