package org.coinpilot.macro.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.macro.domain.SeriesDay.Sentiment;
import org.coinpilot.macro.domain.SeriesDay.Upserted;

/**
 * {@code market_sentiment_data}, one row per day: bulk upsert of fear &amp; greed values, the rolling metrics, reads.
 * Set-based SQL on the client the service hands in.
 */
@ApplicationScoped
public class SentimentSqlRepository {

    static final String COLUMNS = "id, observed_on, fear_greed_index, classification, provider, social_sentiment,"
            + " analysis_metrics, updated_at";

    /** Inserts or changes the given days; identical rows are not touched (not returned). */
    static final String UPSERT = """
            INSERT INTO market_sentiment_data (observed_on, fear_greed_index, classification, provider, sentiment_sources)
            SELECT v.day, v.value, v.label, $4::text, jsonb_build_object($4::text,
                       jsonb_build_object('value', v.value, 'classification', v.label))
            FROM unnest($1::date[], $2::text[]::numeric[], $3::text[]) AS v(day, value, label)
            ON CONFLICT (observed_on) DO UPDATE SET
                fear_greed_index = EXCLUDED.fear_greed_index,
                classification = EXCLUDED.classification,
                provider = EXCLUDED.provider,
                sentiment_sources = COALESCE(market_sentiment_data.sentiment_sources, '{}'::jsonb)
                                    || EXCLUDED.sentiment_sources
            WHERE (market_sentiment_data.fear_greed_index, market_sentiment_data.classification,
                   market_sentiment_data.provider)
                  IS DISTINCT FROM (EXCLUDED.fear_greed_index, EXCLUDED.classification, EXCLUDED.provider)
            RETURNING (xmax = 0) AS inserted""";

    /**
     * Recomputes {@code analysis_metrics} of the days from {@code $1} on: means over the 7 and 30 calendar days ending
     * on the day (of the days that have a value, with their count), and the change against exactly 1 and 7 days
     * before (null when that day has no value).
     */
    static final String METRICS = """
            WITH w AS (
                SELECT id, observed_on, fear_greed_index AS v,
                       avg(fear_greed_index) OVER (ORDER BY observed_on
                           RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) AS avg7,
                       count(*) OVER (ORDER BY observed_on
                           RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) AS n7,
                       avg(fear_greed_index) OVER (ORDER BY observed_on
                           RANGE BETWEEN INTERVAL '29 days' PRECEDING AND CURRENT ROW) AS avg30,
                       count(*) OVER (ORDER BY observed_on
                           RANGE BETWEEN INTERVAL '29 days' PRECEDING AND CURRENT ROW) AS n30
                FROM market_sentiment_data
                WHERE observed_on >= $1::date - 30 AND fear_greed_index IS NOT NULL
            ), calc AS (
                SELECT w.id, jsonb_build_object(
                           'average7d', round(w.avg7, 2), 'days7d', w.n7,
                           'average30d', round(w.avg30, 2), 'days30d', w.n30,
                           'change1d', w.v - d1.fear_greed_index,
                           'change7d', w.v - d7.fear_greed_index) AS metrics
                FROM w
                LEFT JOIN market_sentiment_data d1 ON d1.observed_on = w.observed_on - 1
                LEFT JOIN market_sentiment_data d7 ON d7.observed_on = w.observed_on - 7
                WHERE w.observed_on >= $1
            )
            UPDATE market_sentiment_data m SET analysis_metrics = calc.metrics
            FROM calc WHERE m.id = calc.id AND m.analysis_metrics IS DISTINCT FROM calc.metrics""";

    public Uni<Upserted> upsert(SqlClient client, LocalDate[] days, String[] values, String[] labels, String provider) {
        if (days.length == 0) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        return client.preparedQuery(UPSERT)
                .execute(Tuple.of(days, values, labels, provider))
                .map(SqlRows::upserted);
    }

    public Uni<Integer> refreshMetrics(SqlClient client, LocalDate from) {
        return client.preparedQuery(METRICS).execute(Tuple.of(from)).map(rows -> rows.rowCount());
    }

    /** The newest stored day with a value from {@code provider}, or null. */
    public Uni<LocalDate> lastDay(SqlClient client, String provider) {
        return client.preparedQuery("SELECT max(observed_on) AS day FROM market_sentiment_data WHERE provider = $1")
                .execute(Tuple.of(provider))
                .map(rows -> rows.iterator().next().getLocalDate("day"));
    }

    /** Every stored fear &amp; greed value up to {@code to} (inclusive; null: all), oldest first. */
    public Uni<List<Sentiment>> upTo(SqlClient client, LocalDate to) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM market_sentiment_data"
                        + " WHERE observed_on IS NOT NULL AND fear_greed_index IS NOT NULL"
                        + " AND ($1::date IS NULL OR observed_on <= $1) ORDER BY observed_on")
                .execute(Tuple.of(to))
                .map(SentimentSqlRepository::rows);
    }

    public Uni<List<Sentiment>> page(SqlClient client, SqlRows.Bounds b, boolean newest) {
        String sql = newest
                ? SqlRows.newest(COLUMNS, "market_sentiment_data", "")
                : SqlRows.forward(COLUMNS, "market_sentiment_data", "");
        return client.preparedQuery(sql)
                .execute(Tuple.of(b.from(), b.to(), b.afterDay(), b.afterId(), b.limit()))
                .map(SentimentSqlRepository::rows);
    }

    static List<Sentiment> rows(Iterable<Row> rows) {
        List<Sentiment> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(row(row, ""));
        }
        return list;
    }

    static Sentiment row(Row row, String prefix) {
        return new Sentiment(
                row.getLong(prefix + "id"),
                row.getLocalDate(prefix + "observed_on"),
                row.getBigDecimal(prefix + "fear_greed_index"),
                row.getString(prefix + "classification"),
                row.getString(prefix + "provider"),
                row.getBigDecimal(prefix + "social_sentiment"),
                SqlRows.json(row, prefix + "analysis_metrics"),
                SqlRows.instant(row, prefix + "updated_at"));
    }
}
