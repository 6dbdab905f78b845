package org.coinpilot.macro.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.macro.domain.SeriesDay.Dominance;
import org.coinpilot.macro.domain.SeriesDay.Upserted;

/**
 * {@code dominance_data}, one row per day: bulk upsert (a value left null keeps what is stored, so the BTC share,
 * the ETH share and the total market cap can be imported from separate files), the trend readings, reads.
 */
@ApplicationScoped
public class DominanceSqlRepository {

    static final String COLUMNS = "id, observed_on, btc_dominance, eth_dominance, alt_dominance, total_market_cap_usd,"
            + " source, trend_analysis, updated_at";

    /** alt = 100 − btc − eth when both are known (never below 0), else null. */
    static final String UPSERT = """
            INSERT INTO dominance_data (observed_on, btc_dominance, eth_dominance, alt_dominance, total_market_cap_usd, source)
            SELECT v.day, v.btc, v.eth,
                   CASE WHEN v.btc IS NOT NULL AND v.eth IS NOT NULL THEN greatest(0, 100 - v.btc - v.eth) END,
                   v.total, $5
            FROM unnest($1::date[], $2::text[]::numeric[], $3::text[]::numeric[], $4::text[]::numeric[]) AS v(day, btc, eth, total)
            ON CONFLICT (observed_on) DO UPDATE SET
                btc_dominance = COALESCE(EXCLUDED.btc_dominance, dominance_data.btc_dominance),
                eth_dominance = COALESCE(EXCLUDED.eth_dominance, dominance_data.eth_dominance),
                alt_dominance = CASE
                    WHEN COALESCE(EXCLUDED.btc_dominance, dominance_data.btc_dominance) IS NOT NULL
                     AND COALESCE(EXCLUDED.eth_dominance, dominance_data.eth_dominance) IS NOT NULL
                    THEN greatest(0, 100 - COALESCE(EXCLUDED.btc_dominance, dominance_data.btc_dominance)
                                         - COALESCE(EXCLUDED.eth_dominance, dominance_data.eth_dominance)) END,
                total_market_cap_usd = COALESCE(EXCLUDED.total_market_cap_usd, dominance_data.total_market_cap_usd),
                source = EXCLUDED.source
            WHERE (dominance_data.btc_dominance, dominance_data.eth_dominance, dominance_data.total_market_cap_usd,
                   dominance_data.source)
                  IS DISTINCT FROM (COALESCE(EXCLUDED.btc_dominance, dominance_data.btc_dominance),
                                    COALESCE(EXCLUDED.eth_dominance, dominance_data.eth_dominance),
                                    COALESCE(EXCLUDED.total_market_cap_usd, dominance_data.total_market_cap_usd),
                                    EXCLUDED.source)
            RETURNING (xmax = 0) AS inserted""";

    /**
     * Recomputes {@code trend_analysis} of the days from {@code $1} on: change in points of the BTC and ETH shares
     * against the newest day 7 and 30 days before (at most 3 days earlier still, else null), their direction (UP /
     * DOWN at ±0.5 points over 7 days, ±1 point over 30 days, else FLAT) and the alt-season reading (BTC share down
     * 3 points or more over 30 days: ALT_SEASON; up 3 or more: BTC_SEASON; else NEUTRAL).
     */
    static final String TREND = """
            WITH calc AS (
                SELECT d.id, jsonb_strip_nulls(jsonb_build_object(
                    'btcChange7d', d.btc_dominance - w7.btc_dominance,
                    'btcChange30d', d.btc_dominance - w30.btc_dominance,
                    'ethChange7d', d.eth_dominance - w7.eth_dominance,
                    'ethChange30d', d.eth_dominance - w30.eth_dominance,
                    'btcTrend7d', CASE WHEN d.btc_dominance - w7.btc_dominance >= 0.5 THEN 'UP'
                                       WHEN d.btc_dominance - w7.btc_dominance <= -0.5 THEN 'DOWN'
                                       WHEN w7.btc_dominance IS NOT NULL THEN 'FLAT' END,
                    'btcTrend30d', CASE WHEN d.btc_dominance - w30.btc_dominance >= 1 THEN 'UP'
                                        WHEN d.btc_dominance - w30.btc_dominance <= -1 THEN 'DOWN'
                                        WHEN w30.btc_dominance IS NOT NULL THEN 'FLAT' END,
                    'altSeason', CASE WHEN d.btc_dominance - w30.btc_dominance <= -3 THEN 'ALT_SEASON'
                                      WHEN d.btc_dominance - w30.btc_dominance >= 3 THEN 'BTC_SEASON'
                                      WHEN w30.btc_dominance IS NOT NULL THEN 'NEUTRAL' END)) AS trend
                FROM dominance_data d
                LEFT JOIN LATERAL (SELECT btc_dominance, eth_dominance FROM dominance_data p
                                   WHERE p.observed_on <= d.observed_on - 7 AND p.observed_on >= d.observed_on - 10
                                   ORDER BY p.observed_on DESC LIMIT 1) w7 ON true
                LEFT JOIN LATERAL (SELECT btc_dominance, eth_dominance FROM dominance_data p
                                   WHERE p.observed_on <= d.observed_on - 30 AND p.observed_on >= d.observed_on - 33
                                   ORDER BY p.observed_on DESC LIMIT 1) w30 ON true
                WHERE d.observed_on >= $1
            )
            UPDATE dominance_data m SET trend_analysis = calc.trend
            FROM calc WHERE m.id = calc.id AND m.trend_analysis IS DISTINCT FROM calc.trend""";

    public Uni<Upserted> upsert(
            SqlClient client, LocalDate[] days, String[] btc, String[] eth, String[] total, String source) {
        if (days.length == 0) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        return client.preparedQuery(UPSERT)
                .execute(Tuple.of(days, btc, eth, total, source))
                .map(SqlRows::upserted);
    }

    public Uni<Integer> refreshTrend(SqlClient client, LocalDate from) {
        return client.preparedQuery(TREND).execute(Tuple.of(from)).map(rows -> rows.rowCount());
    }

    /** Every stored total market cap up to {@code to} (inclusive; null: all), oldest first. */
    public Uni<List<Dominance>> upTo(SqlClient client, LocalDate to) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM dominance_data"
                        + " WHERE observed_on IS NOT NULL AND ($1::date IS NULL OR observed_on <= $1)"
                        + " ORDER BY observed_on")
                .execute(Tuple.of(to))
                .map(DominanceSqlRepository::rows);
    }

    public Uni<List<Dominance>> page(SqlClient client, SqlRows.Bounds b, boolean newest) {
        String sql =
                newest ? SqlRows.newest(COLUMNS, "dominance_data", "") : SqlRows.forward(COLUMNS, "dominance_data", "");
        return client.preparedQuery(sql)
                .execute(Tuple.of(b.from(), b.to(), b.afterDay(), b.afterId(), b.limit()))
                .map(DominanceSqlRepository::rows);
    }

    static List<Dominance> rows(Iterable<Row> rows) {
        List<Dominance> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(row(row, ""));
        }
        return list;
    }

    static Dominance row(Row row, String prefix) {
        return new Dominance(
                row.getLong(prefix + "id"),
                row.getLocalDate(prefix + "observed_on"),
                row.getBigDecimal(prefix + "btc_dominance"),
                row.getBigDecimal(prefix + "eth_dominance"),
                row.getBigDecimal(prefix + "alt_dominance"),
                row.getBigDecimal(prefix + "total_market_cap_usd"),
                row.getString(prefix + "source"),
                SqlRows.json(row, prefix + "trend_analysis"),
                SqlRows.instant(row, prefix + "updated_at"));
    }
}
