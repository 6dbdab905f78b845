package org.coinpilot.market.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue without its sync (CoinGecko offline): an asset without a catalogue price shows its latest stored
 * candle's close, saying so ({@code priceSource = CANDLE}, {@code priceAsOf} = the candle's close time).
 */
@QuarkusTest
class AssetPriceSourceTest {

    static final Instant LATEST = Instant.parse("2024-06-03T09:00:00Z");

    @Inject
    Pool pool;

    @BeforeEach
    void setUp() {
        TestClock.set(LATEST.plus(Duration.ofMinutes(70)));
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    @Test
    void shouldShowTheLatestCandleWhenTheCatalogueHasNoPrice() {
        long asset = MarketTestData.asset(pool, "PS", false);
        String symbol = MarketTestData.symbol(pool, asset);
        AlertTestData.candle(pool, asset, "1h", LATEST.minus(Duration.ofHours(24)), "50", "7");
        AlertTestData.candle(pool, asset, "1h", LATEST, "55.5", "7");

        given().get("/api/v1/assets/{symbol}", symbol)
                .then()
                .statusCode(200)
                .body("currentPrice", equalTo("55.50000000"))
                .body("priceSource", equalTo("CANDLE"))
                .body("priceAsOf", equalTo("2024-06-03T10:00:00Z"))
                .body("priceChangePercentage24h", equalTo("11.0000"))
                .body("priceChangePercentage7d", nullValue());
        given().queryParam("q", symbol)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items[0].symbol", equalTo(symbol))
                .body("items[0].currentPrice", equalTo("55.50000000"))
                .body("items[0].priceSource", equalTo("CANDLE"));
    }

    @Test
    void shouldKeepTheCatalogueSnapshotWhenItHasAPrice() {
        long asset = MarketTestData.asset(pool, "PC", false);
        String symbol = MarketTestData.symbol(pool, asset);
        pool.preparedQuery("UPDATE cryptocurrencies SET current_price = 61000.5, price_change_percentage_24h = 1.5"
                        + " WHERE id = $1")
                .execute(Tuple.of(asset))
                .await()
                .indefinitely();
        AlertTestData.candle(pool, asset, "1h", LATEST, "55.5", "7");

        given().get("/api/v1/assets/{symbol}", symbol)
                .then()
                .statusCode(200)
                .body("currentPrice", equalTo("61000.50000000"))
                .body("priceSource", equalTo("CATALOGUE"))
                .body("priceChangePercentage24h", equalTo("1.5000"));
    }

    @Test
    void shouldSayNothingAboutAPriceWhenThereIsNone() {
        long asset = MarketTestData.asset(pool, "PN", false);

        given().get("/api/v1/assets/{symbol}", MarketTestData.symbol(pool, asset))
                .then()
                .statusCode(200)
                .body("currentPrice", nullValue())
                .body("priceSource", nullValue())
                .body("priceAsOf", nullValue());
    }
}
