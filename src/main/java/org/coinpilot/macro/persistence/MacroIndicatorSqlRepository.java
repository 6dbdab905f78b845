package org.coinpilot.macro.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.macro.domain.SeriesDay.Indicator;
import org.coinpilot.macro.domain.SeriesDay.Upserted;

/** {@code macro_indicators}, one row per indicator, timeframe and day: bulk upsert and reads. */
@ApplicationScoped
public class MacroIndicatorSqlRepository {

    static final String COLUMNS = "id, indicator_name, timeframe, observed_on, value, source, updated_at";

    static final String UPSERT = """
            INSERT INTO macro_indicators (indicator_name, timeframe, observed_on, value, source)
            SELECT $1, $2, v.day, v.value, $5
            FROM unnest($3::date[], $4::text[]::numeric[]) AS v(day, value)
            ON CONFLICT (indicator_name, timeframe, observed_on) DO UPDATE SET
                value = EXCLUDED.value, source = EXCLUDED.source
            WHERE (macro_indicators.value, macro_indicators.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source)
            RETURNING (xmax = 0) AS inserted""";

    public Uni<Upserted> upsert(
            SqlClient client, String name, String timeframe, LocalDate[] days, String[] values, String source) {
        if (days.length == 0) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        return client.preparedQuery(UPSERT)
                .execute(Tuple.of(name, timeframe, days, values, source))
                .map(SqlRows::upserted);
    }

    /** The newest stored day of an indicator, or null. */
    public Uni<LocalDate> lastDay(SqlClient client, String name, String timeframe) {
        return client.preparedQuery("SELECT max(observed_on) AS day FROM macro_indicators"
                        + " WHERE indicator_name = $1 AND timeframe = $2")
                .execute(Tuple.of(name, timeframe))
                .map(rows -> rows.iterator().next().getLocalDate("day"));
    }

    /** The newest value of each of {@code names} on {@code timeframe} (names without one are left out). */
    public Uni<List<Indicator>> latest(SqlClient client, String[] names, String timeframe) {
        return client.preparedQuery("SELECT l.* FROM unnest($1::text[]) AS n(name) CROSS JOIN LATERAL ("
                        + " SELECT " + COLUMNS + " FROM macro_indicators"
                        + " WHERE indicator_name = n.name AND timeframe = $2 AND observed_on IS NOT NULL"
                        + " ORDER BY observed_on DESC LIMIT 1) l")
                .execute(Tuple.of(names, timeframe))
                .map(MacroIndicatorSqlRepository::rows);
    }

    public Uni<List<Indicator>> page(
            SqlClient client, String name, String timeframe, SqlRows.Bounds b, boolean newest) {
        String where = " AND indicator_name = $6 AND timeframe = $7";
        String sql = newest
                ? SqlRows.newest(COLUMNS, "macro_indicators", where)
                : SqlRows.forward(COLUMNS, "macro_indicators", where);
        return client.preparedQuery(sql)
                .execute(Tuple.from(
                        new Object[] {b.from(), b.to(), b.afterDay(), b.afterId(), b.limit(), name, timeframe}))
                .map(MacroIndicatorSqlRepository::rows);
    }

    /** Names of the indicators stored (for a 404 on an unknown one). */
    public Uni<Boolean> exists(SqlClient client, String name) {
        return client.preparedQuery("SELECT EXISTS (SELECT 1 FROM macro_indicators WHERE indicator_name = $1) AS found")
                .execute(Tuple.of(name))
                .map(rows -> rows.iterator().next().getBoolean("found"));
    }

    /** The value without the column's trailing zeros ({@code numeric(38,18)} prints 18 decimals). */
    static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static List<Indicator> rows(Iterable<Row> rows) {
        List<Indicator> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new Indicator(
                    row.getLong("id"),
                    row.getString("indicator_name"),
                    row.getString("timeframe"),
                    row.getLocalDate("observed_on"),
                    plain(row.getBigDecimal("value")),
                    row.getString("source"),
                    SqlRows.instant(row, "updated_at")));
        }
        return list;
    }
}
