package org.coinpilot.sector.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.coinpilot.common.test.TestTokens;

/** Sectors, assets and candles for sector tests; each test makes its own, with unique names. */
public final class SectorTestData {

    public static final String ADMIN = TestTokens.bearer(TestTokens.admin());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private SectorTestData() {}

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet() + "x" + ProcessHandle.current().pid() % 1000;
    }

    /** Creates a sector through the admin API; returns its id. */
    public static long sector(String name) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** An active asset with a unique symbol; returns its id. */
    public static long asset(Pool pool, String symbol, boolean supported, String coingeckoId, String marketCap) {
        return pool.preparedQuery("INSERT INTO cryptocurrencies (symbol, name, is_supported, external_ids, market_cap)"
                        + " VALUES ($1, $2, $3, CASE WHEN $4::text IS NULL THEN '{}'::jsonb"
                        + " ELSE jsonb_build_object('coingecko', $4::text) END, $5::numeric) RETURNING id")
                .execute(Tuple.of(
                        symbol,
                        "Test " + symbol,
                        supported,
                        coingeckoId,
                        marketCap == null ? null : decimal(marketCap)))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
    }

    /** One candle of {@code timeframe} opening at {@code time} with this close (open = close) and USD volume. */
    public static void candle(Pool pool, long cryptoId, String timeframe, Instant time, String close, String volume) {
        pool.preparedQuery("INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price,"
                        + " low_price, close_price, volume) VALUES ($1, $2, $3, $4::numeric, $4::numeric,"
                        + " $4::numeric, $4::numeric, $5::numeric)")
                .execute(Tuple.of(
                        cryptoId,
                        timeframe,
                        OffsetDateTime.ofInstant(time, ZoneOffset.UTC),
                        decimal(close),
                        decimal(volume)))
                .await()
                .indefinitely();
    }

    /** Makes every asset but these unsupported (the import job then sees only them). */
    public static void onlySupported(Pool pool, Long... ids) {
        pool.preparedQuery("UPDATE cryptocurrencies SET is_supported = (id = ANY($1::int8[]))")
                .execute(Tuple.of(ids))
                .await()
                .indefinitely();
    }

    public static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql)
                .execute(Tuple.from(params))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    public static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
