package org.coinpilot.macro.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.domain.SeriesDay.Regime;
import org.coinpilot.macro.domain.SeriesDay.Upserted;

/** {@code market_regime_analysis}, one row per day: bulk upsert of classified days, reads. */
@ApplicationScoped
public class RegimeSqlRepository {

    static final String COLUMNS = "id, observed_on, regime, confidence_score, indicators, analysis_data, updated_at";

    static final String UPSERT = """
            INSERT INTO market_regime_analysis (observed_on, regime, confidence_score, indicators, analysis_data)
            SELECT v.day, v.regime, v.confidence, v.indicators::jsonb, v.analysis::jsonb
            FROM unnest($1::date[], $2::text[], $3::text[]::numeric[], $4::text[], $5::text[])
                 AS v(day, regime, confidence, indicators, analysis)
            ON CONFLICT (observed_on) DO UPDATE SET
                regime = EXCLUDED.regime, confidence_score = EXCLUDED.confidence_score,
                indicators = EXCLUDED.indicators, analysis_data = EXCLUDED.analysis_data
            WHERE (market_regime_analysis.regime, market_regime_analysis.confidence_score,
                   market_regime_analysis.indicators, market_regime_analysis.analysis_data)
                  IS DISTINCT FROM (EXCLUDED.regime, EXCLUDED.confidence_score, EXCLUDED.indicators,
                                    EXCLUDED.analysis_data)
            RETURNING (xmax = 0) AS inserted""";

    public Uni<Upserted> upsert(
            SqlClient client,
            LocalDate[] days,
            String[] regimes,
            String[] confidences,
            String[] indicators,
            String[] analysis) {
        if (days.length == 0) {
            return Uni.createFrom().item(Upserted.NONE);
        }
        return client.preparedQuery(UPSERT)
                .execute(Tuple.of(days, regimes, confidences, indicators, analysis))
                .map(SqlRows::upserted);
    }

    /** The newest classified day, or null. */
    public Uni<LocalDate> lastDay(SqlClient client) {
        return client.query("SELECT max(observed_on) AS day FROM market_regime_analysis")
                .execute()
                .map(rows -> rows.iterator().next().getLocalDate("day"));
    }

    /** The regime stored for {@code day}, or null. */
    public Uni<MarketRegime> regimeOn(SqlClient client, LocalDate day) {
        return client.preparedQuery("SELECT regime FROM market_regime_analysis WHERE observed_on = $1")
                .execute(Tuple.of(day))
                .map(rows -> rows.size() == 0
                        ? null
                        : MarketRegime.fromDbValue(rows.iterator().next().getString("regime")));
    }

    public Uni<List<Regime>> page(SqlClient client, SqlRows.Bounds b, boolean newest) {
        String sql = newest
                ? SqlRows.newest(COLUMNS, "market_regime_analysis", "")
                : SqlRows.forward(COLUMNS, "market_regime_analysis", "");
        return client.preparedQuery(sql)
                .execute(Tuple.of(b.from(), b.to(), b.afterDay(), b.afterId(), b.limit()))
                .map(RegimeSqlRepository::rows);
    }

    static List<Regime> rows(Iterable<Row> rows) {
        List<Regime> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(row(row, ""));
        }
        return list;
    }

    static Regime row(Row row, String prefix) {
        return new Regime(
                row.getLong(prefix + "id"),
                row.getLocalDate(prefix + "observed_on"),
                MarketRegime.fromDbValue(row.getString(prefix + "regime")),
                row.getBigDecimal(prefix + "confidence_score"),
                SqlRows.json(row, prefix + "indicators"),
                SqlRows.json(row, prefix + "analysis_data"),
                SqlRows.instant(row, prefix + "updated_at"));
    }
}
