package org.coinpilot.macro.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.domain.SeriesDay.Dominance;
import org.coinpilot.macro.domain.SeriesDay.Regime;
import org.coinpilot.macro.domain.SeriesDay.Sentiment;

/** The newest day of the sentiment, dominance and regime series, in one statement (the dashboard's overview). */
@ApplicationScoped
public class OverviewSqlRepository {

    /** The newest rows; each is null when its series is empty. */
    public record Latest(Sentiment sentiment, Dominance dominance, Regime regime) {}

    static final String LATEST = "SELECT " + prefixed("s", SentimentSqlRepository.COLUMNS) + ", "
            + prefixed("d", DominanceSqlRepository.COLUMNS) + ", " + prefixed("r", RegimeSqlRepository.COLUMNS)
            + " FROM (SELECT 1) AS one"
            + " LEFT JOIN LATERAL (SELECT " + SentimentSqlRepository.COLUMNS + " FROM market_sentiment_data"
            + " WHERE observed_on IS NOT NULL AND fear_greed_index IS NOT NULL ORDER BY observed_on DESC LIMIT 1)"
            + " AS s ON true"
            + " LEFT JOIN LATERAL (SELECT " + DominanceSqlRepository.COLUMNS + " FROM dominance_data"
            + " WHERE observed_on IS NOT NULL ORDER BY observed_on DESC LIMIT 1) AS d ON true"
            + " LEFT JOIN LATERAL (SELECT " + RegimeSqlRepository.COLUMNS + " FROM market_regime_analysis"
            + " WHERE observed_on IS NOT NULL ORDER BY observed_on DESC LIMIT 1) AS r ON true";

    /** The same three rows, each the newest strictly before {@code $1} (a day): what was known when that day began. */
    static final String BEFORE = LATEST.replace("WHERE observed_on IS NOT NULL", "WHERE observed_on < $1");

    /** The regime of every classified day in {@code [$1, $2]}. */
    static final String REGIMES = "SELECT observed_on, regime FROM market_regime_analysis"
            + " WHERE observed_on BETWEEN $1 AND $2 ORDER BY observed_on";

    public Uni<Latest> latest(SqlClient client) {
        return client.query(LATEST).execute().map(OverviewSqlRepository::latest);
    }

    /** The newest row of each series dated strictly before {@code day}. */
    public Uni<Latest> before(SqlClient client, LocalDate day) {
        return client.preparedQuery(BEFORE).execute(Tuple.of(day)).map(OverviewSqlRepository::latest);
    }

    /** Day → regime over {@code [from, to]}, in day order. */
    public Uni<Map<LocalDate, MarketRegime>> regimes(SqlClient client, LocalDate from, LocalDate to) {
        return client.preparedQuery(REGIMES).execute(Tuple.of(from, to)).map(rows -> {
            Map<LocalDate, MarketRegime> days = new LinkedHashMap<>();
            for (Row row : rows) {
                days.put(row.getLocalDate("observed_on"), MarketRegime.fromDbValue(row.getString("regime")));
            }
            return days;
        });
    }

    private static Latest latest(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new Latest(
                row.getValue("s_id") == null ? null : SentimentSqlRepository.row(row, "s_"),
                row.getValue("d_id") == null ? null : DominanceSqlRepository.row(row, "d_"),
                row.getValue("r_id") == null ? null : RegimeSqlRepository.row(row, "r_"));
    }

    /** {@code id, day} → {@code s.id AS s_id, s.day AS s_day}. */
    static String prefixed(String alias, String columns) {
        return Arrays.stream(columns.split(","))
                .map(String::trim)
                .map(c -> alias + "." + c + " AS " + alias + "_" + c)
                .collect(Collectors.joining(", "));
    }
}
