package org.coinpilot.macro.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.stream.Collectors;
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

    public Uni<Latest> latest(SqlClient client) {
        return client.query(LATEST).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Latest(
                    row.getValue("s_id") == null ? null : SentimentSqlRepository.row(row, "s_"),
                    row.getValue("d_id") == null ? null : DominanceSqlRepository.row(row, "d_"),
                    row.getValue("r_id") == null ? null : RegimeSqlRepository.row(row, "r_"));
        });
    }

    /** {@code id, day} → {@code s.id AS s_id, s.day AS s_day}. */
    static String prefixed(String alias, String columns) {
        return Arrays.stream(columns.split(","))
                .map(String::trim)
                .map(c -> alias + "." + c + " AS " + alias + "_" + c)
                .collect(Collectors.joining(", "));
    }
}
