package org.coinpilot.market.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

/** "Latest N" reads come from the hot-series cache, which every write through import or ingestion refreshes. */
@QuarkusTest
class CandleCacheTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @Inject
    Pool pool;

    @Test
    void shouldServeTheNewCandleAndTheCorrectedValueWhenAnImportWritesACachedSeries() {
        long asset = MarketTestData.asset(pool, "HOT", false);
        String symbol = MarketTestData.symbol(pool, asset);
        importCsv(symbol, """
                open_time,open,high,low,close,volume
                2024-01-01T00:00:00Z,100,110,90,105,1000
                2024-01-01T01:00:00Z,105,106,104,105.5,200
                """);
        assertThat(latest(symbol, 10).getList("items.time"))
                .containsExactly("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
        assertThat(latest(symbol, 1).getList("items.time")).containsExactly("2024-01-01T01:00:00Z");

        importCsv(symbol, """
                open_time,open,high,low,close,volume
                2024-01-01T01:00:00Z,105,107,104,106,200
                2024-01-01T02:00:00Z,106,108,105,107,300
                """);

        JsonPath after = latest(symbol, 10);
        assertThat(after.getList("items.time"))
                .containsExactly("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z");
        assertThat(after.getString("items[1].close")).isEqualTo("106.00000000");
    }

    private static JsonPath latest(String symbol, int limit) {
        return given().get("/api/v1/assets/{symbol}/candles?timeframe=1h&limit=" + limit, symbol)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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
