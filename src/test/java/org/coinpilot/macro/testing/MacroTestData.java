package org.coinpilot.macro.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.test.TestTokens;

/** Fixtures of the macro tests: clean macro tables, assets of the regime, jobs and imports through the API. */
public final class MacroTestData {

    public static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    private MacroTestData() {}

    /** Empties the four macro tables (only the macro tests write them). */
    public static void truncate(Pool pool) {
        pool.query("TRUNCATE market_sentiment_data, dominance_data, macro_indicators, market_regime_analysis")
                .execute()
                .await()
                .indefinitely();
    }

    /** The id of the asset {@code symbol}, created (not supported, so never ingested) when missing, without candles. */
    public static long freshAsset(Pool pool, String symbol) {
        pool.preparedQuery("INSERT INTO cryptocurrencies (symbol, name, is_supported) VALUES ($1, $2, false)"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(symbol, "Regime " + symbol))
                .await()
                .indefinitely();
        long id = pool.preparedQuery("SELECT id FROM cryptocurrencies WHERE symbol = $1")
                .execute(Tuple.of(symbol))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
        pool.preparedQuery("DELETE FROM price_data WHERE crypto_id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely();
        return id;
    }

    public static JsonPath runJob(String name) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static JsonPath importCsv(String path, String csv, Object... query) {
        var request =
                given().header("Authorization", ADMIN).contentType("text/csv").body(csv);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.post(path).then().statusCode(200).extract().jsonPath();
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

    public static List<Row> rows(Pool pool, String sql, Object... params) {
        List<Row> list = new ArrayList<>();
        pool.preparedQuery(sql)
                .execute(Tuple.from(params))
                .await()
                .indefinitely()
                .forEach(list::add);
        return list;
    }
}
