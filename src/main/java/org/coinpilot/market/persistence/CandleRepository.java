package org.coinpilot.market.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.Kline;

/**
 * Set-based SQL on the candle tables ({@code price_data}, {@code price_data_archive}, {@code market_candle_gaps})
 * through the reactive SQL client, on the client the service hands in (docs/architecture.md, "Data access").
 *
 * <p>Why SQL and not the Panache session: the bulk upsert binds whole columns as PostgreSQL arrays
 * ({@code unnest($1::int8[], …)}), which Hibernate Reactive native queries cannot bind, the reads are the hot path,
 * and every statement here is atomic on its own (one statement per batch), so the services run them as single
 * statements. Ingestion never holds a transaction open while it calls an exchange.
 */
@ApplicationScoped
public class CandleRepository {

    /** The one bulk upsert: a whole batch in one statement; counts inserted ({@code xmax = 0}) and updated rows. */
    static final String UPSERT = """
            WITH up AS (
                INSERT INTO price_data (crypto_id, timeframe, candle_time, open_price, high_price, low_price,
                                        close_price, volume, base_volume, quote_volume)
                SELECT t.crypto_id, t.timeframe, t.candle_time, t.o::numeric, t.h::numeric, t.l::numeric,
                       t.c::numeric, t.v::numeric, t.bv::numeric, t.qv::numeric
                FROM unnest($1::int8[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::text[], $10::text[])
                     AS t(crypto_id, timeframe, candle_time, o, h, l, c, v, bv, qv)
                ON CONFLICT (crypto_id, timeframe, candle_time) DO UPDATE
                    SET open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price,
                        low_price = EXCLUDED.low_price, close_price = EXCLUDED.close_price, volume = EXCLUDED.volume,
                        base_volume = EXCLUDED.base_volume, quote_volume = EXCLUDED.quote_volume
                    WHERE (price_data.open_price, price_data.high_price, price_data.low_price,
                           price_data.close_price, price_data.volume, price_data.base_volume,
                           price_data.quote_volume)
                          IS DISTINCT FROM
                          (EXCLUDED.open_price, EXCLUDED.high_price, EXCLUDED.low_price,
                           EXCLUDED.close_price, EXCLUDED.volume, EXCLUDED.base_volume, EXCLUDED.quote_volume)
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
            FROM up
            """;

    /** A series to ingest: the asset id, its symbol and its provider symbol (e.g. Binance pair) if known. */
    public record SeriesAsset(long cryptoId, String symbol, String binanceSymbol) {}

    /** Rows written by one upsert. */
    public record UpsertCount(long inserted, long updated) {
        public UpsertCount plus(UpsertCount other) {
            return new UpsertCount(inserted + other.inserted, updated + other.updated);
        }
    }

    /**
     * One stored candle, live or archived, as the candles API reads it. The prices and the volume are PostgreSQL's
     * text of the stored {@code numeric} ({@code numeric_out}: plain notation, the column's scale, e.g.
     * {@code "64012.50000000"}), which is exactly {@link BigDecimal#toPlainString()} of the stored value, the form
     * the API writes them in. This read model only ever goes out as JSON, so the text is carried as is instead of
     * being parsed into a {@link BigDecimal} and printed again (that round trip was the largest single cost of an
     * uncached page, docs/benchmarks.md "Market data"). Pages that go through Jackson parse it. {@code baseVolume}
     * and {@code quoteVolume} are null when unknown (docs/market.md "Volume").
     */
    public record CandleRow(
            long id,
            Instant candleTime,
            String open,
            String high,
            String low,
            String close,
            String volume,
            String baseVolume,
            String quoteVolume,
            Map<String, Object> indicators) {}

    /** A known gap. */
    public record GapRow(long id, Instant gapStart, Instant gapEnd, int missingCandles, int attempts) {}

    /** The active, supported assets, by id. */
    public Uni<List<SeriesAsset>> supportedAssets(SqlClient client) {
        return client.query("SELECT id, symbol, external_ids ->> 'binance' AS binance FROM cryptocurrencies"
                        + " WHERE is_active AND is_supported ORDER BY id")
                .execute()
                .map(rows -> {
                    List<SeriesAsset> list = new ArrayList<>();
                    rows.forEach(row -> list.add(
                            new SeriesAsset(row.getLong("id"), row.getString("symbol"), row.getString("binance"))));
                    return list;
                });
    }

    /** The id of the asset with exactly this symbol, or null. */
    public Uni<Long> findAssetId(SqlClient client, String symbol) {
        return client.preparedQuery("SELECT id FROM cryptocurrencies WHERE symbol = $1")
                .execute(Tuple.of(symbol))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("id") : null);
    }

    /** Upserts candles of one series in one statement (empty input: nothing happens). */
    public Uni<UpsertCount> upsert(SqlClient client, long cryptoId, Timeframe timeframe, List<Kline> candles) {
        if (candles.isEmpty()) {
            return Uni.createFrom().item(new UpsertCount(0, 0));
        }
        int n = candles.size();
        Long[] ids = new Long[n];
        String[] timeframes = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] open = new String[n];
        String[] high = new String[n];
        String[] low = new String[n];
        String[] close = new String[n];
        String[] volume = new String[n];
        String[] baseVolume = new String[n];
        String[] quoteVolume = new String[n];
        for (int i = 0; i < n; i++) {
            Kline k = candles.get(i);
            ids[i] = cryptoId;
            timeframes[i] = timeframe.code();
            times[i] = OffsetDateTime.ofInstant(k.openTime(), ZoneOffset.UTC);
            open[i] = k.open().toPlainString();
            high[i] = k.high().toPlainString();
            low[i] = k.low().toPlainString();
            close[i] = k.close().toPlainString();
            volume[i] = k.volume() == null ? null : k.volume().toPlainString();
            baseVolume[i] = k.baseVolume() == null ? null : k.baseVolume().toPlainString();
            quoteVolume[i] = k.quoteVolume() == null ? null : k.quoteVolume().toPlainString();
        }
        return client.preparedQuery(UPSERT)
                .execute(Tuple.from(
                        new Object[] {ids, timeframes, times, open, high, low, close, volume, baseVolume, quoteVolume}))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new UpsertCount(row.getLong("inserted"), row.getLong("updated"));
                });
    }

    /** The open time of the newest stored candle of a series (live or archived), or null for a new series. */
    public Uni<Instant> lastCandleTime(SqlClient client, long cryptoId, Timeframe timeframe) {
        return client.preparedQuery("""
                        SELECT coalesce(
                            (SELECT max(candle_time) FROM price_data WHERE crypto_id = $1 AND timeframe = $2),
                            (SELECT max(candle_time) FROM price_data_archive WHERE crypto_id = $1 AND timeframe = $2)
                        ) AS last""")
                .execute(Tuple.of(cryptoId, timeframe.code()))
                .map(rows -> instant(rows.iterator().next(), "last"));
    }

    /**
     * Records the gaps of a series from {@code since} on (the whole series when null): each run of missing
     * candle times between two stored neighbours. Returns how many gaps were newly recorded.
     */
    public Uni<Integer> detectGaps(SqlClient client, long cryptoId, Timeframe timeframe, Instant since, Instant now) {
        return client.preparedQuery("""
                        INSERT INTO market_candle_gaps (crypto_id, timeframe, gap_start, gap_end, missing_candles, detected_at)
                        SELECT $1, $2, g.candle_time + ($3::int8 * interval '1 second'), g.next_time,
                               (extract(epoch FROM g.next_time - g.candle_time) / extract(epoch FROM ($3::int8 * interval '1 second')))::int - 1,
                               $5
                        FROM (SELECT candle_time, lead(candle_time) OVER (ORDER BY candle_time) AS next_time
                              FROM price_data
                              WHERE crypto_id = $1 AND timeframe = $2 AND ($4::timestamptz IS NULL OR candle_time >= $4)
                             ) g
                        WHERE g.next_time - g.candle_time > ($3::int8 * interval '1 second')
                        ON CONFLICT (crypto_id, timeframe, gap_start) DO NOTHING""")
                .execute(Tuple.from(
                        new Object[] {cryptoId, timeframe.code(), interval(timeframe), odt(since), odt(now)}))
                .map(RowSet::rowCount);
    }

    /** Open gaps of a series that have been tried fewer than {@code maxAttempts} times, oldest first. */
    public Uni<List<GapRow>> openGaps(SqlClient client, long cryptoId, Timeframe timeframe, int maxAttempts) {
        return client.preparedQuery("""
                        SELECT id, gap_start, gap_end, missing_candles, attempts FROM market_candle_gaps
                        WHERE crypto_id = $1 AND timeframe = $2 AND filled_at IS NULL AND attempts < $3
                        ORDER BY gap_start""")
                .execute(Tuple.of(cryptoId, timeframe.code(), maxAttempts))
                .map(rows -> {
                    List<GapRow> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new GapRow(
                            row.getLong("id"),
                            instant(row, "gap_start"),
                            instant(row, "gap_end"),
                            row.getInteger("missing_candles"),
                            row.getInteger("attempts"))));
                    return list;
                });
    }

    /** Counts one backfill attempt; marks the gap filled when every missing candle is now stored. */
    public Uni<Boolean> settleGap(SqlClient client, long gapId, Instant now) {
        return client.preparedQuery("""
                        UPDATE market_candle_gaps g
                        SET attempts = g.attempts + 1, last_attempt_at = $2,
                            filled_at = CASE WHEN (SELECT count(*) FROM price_data p
                                                   WHERE p.crypto_id = g.crypto_id AND p.timeframe = g.timeframe
                                                     AND p.candle_time >= g.gap_start AND p.candle_time < g.gap_end)
                                                  >= g.missing_candles
                                             THEN $2 END
                        WHERE g.id = $1
                        RETURNING filled_at IS NOT NULL AS filled""")
                .execute(Tuple.of(gapId, odt(now)))
                .map(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean("filled"));
    }

    /**
     * One page of a series in time order, {@code from} inclusive and {@code to} exclusive, after the cursor time
     * when given. Reads {@code price_data_archive} too when {@code withArchive}; a candle present in both tables
     * is served once, from {@code price_data}.
     *
     * <p>The statement names only the bounds that are given (see {@link #pageSql}), so that "the latest 100
     * candles" is {@link #LATEST}: the planner gets the plain index range, whatever plan caching the pool does.
     *
     * @param newestFirst when true, the newest {@code limit} candles before {@code to} (descending)
     */
    public Uni<List<CandleRow>> page(
            SqlClient client,
            long cryptoId,
            Timeframe timeframe,
            Instant from,
            Instant to,
            Instant after,
            boolean newestFirst,
            int limit,
            boolean withArchive,
            boolean withIndicators) {
        Object[] params = new Object[6];
        int n = 0;
        params[n++] = cryptoId;
        params[n++] = timeframe.code();
        if (from != null) {
            params[n++] = odt(from);
        }
        if (to != null) {
            params[n++] = odt(to);
        }
        if (after != null) {
            params[n++] = odt(after);
        }
        params[n++] = limit;
        String sql = pageSql(from != null, to != null, after != null, newestFirst, withArchive, withIndicators);
        return client.preparedQuery(sql)
                .execute(Tuple.from(n == params.length ? params : Arrays.copyOf(params, n)))
                .map(rows -> {
                    @SuppressWarnings("unchecked") // the Mutiny wrapper exposes its delegate as a raw type
                    io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> delegate = rows.getDelegate();
                    List<CandleRow> list = new ArrayList<>(delegate.size());
                    for (io.vertx.sqlclient.Row row : delegate) {
                        list.add(candle(row, withIndicators));
                    }
                    return list;
                });
    }

    /**
     * What {@code GET /api/v1/assets/{symbol}/candles?timeframe=&limit=} sends when the series is not cached: the
     * newest {@code $3} candles of a series ({@code bench/market/latest100.sql} runs exactly this text).
     */
    static final String LATEST = "SELECT id, candle_time, open_price::text, high_price::text, low_price::text,"
            + " close_price::text, volume::text, base_volume::text, quote_volume::text FROM price_data"
            + " WHERE crypto_id = $1 AND timeframe = $2 ORDER BY candle_time DESC LIMIT $3";

    /** The page statements, built once per shape (which bounds are given, order, archive, indicators). */
    private static final String[] PAGE_SQL = new String[64];

    static String pageSql(
            boolean from, boolean to, boolean after, boolean newestFirst, boolean withArchive, boolean withIndicators) {
        int shape = (from ? 1 : 0)
                | (to ? 2 : 0)
                | (after ? 4 : 0)
                | (newestFirst ? 8 : 0)
                | (withArchive ? 16 : 0)
                | (withIndicators ? 32 : 0);
        String sql = PAGE_SQL[shape];
        if (sql == null) { // a benign race: every thread builds the same immutable string
            sql = buildPageSql(from, to, after, newestFirst, withArchive, withIndicators);
            PAGE_SQL[shape] = sql;
        }
        return sql;
    }

    private static String buildPageSql(
            boolean from, boolean to, boolean after, boolean newestFirst, boolean withArchive, boolean withIndicators) {
        String columns = "id, candle_time, open_price::text, high_price::text, low_price::text, close_price::text,"
                + " volume::text, base_volume::text, quote_volume::text"
                + (withIndicators ? ", technical_indicators" : "");
        int p = 3;
        StringBuilder where = new StringBuilder(" WHERE crypto_id = $1 AND timeframe = $2");
        if (from) {
            where.append(" AND candle_time >= $").append(p++);
        }
        if (to) {
            where.append(" AND candle_time < $").append(p++);
        }
        if (after) {
            where.append(" AND candle_time > $").append(p++);
        }
        String order = newestFirst ? " ORDER BY candle_time DESC" : " ORDER BY candle_time";
        String limit = " LIMIT $" + p;
        if (withArchive) {
            return "SELECT DISTINCT ON (candle_time) * FROM (SELECT " + columns + ", 0 AS source FROM price_data"
                    + where + " UNION ALL SELECT " + columns + ", 1 AS source FROM price_data_archive" + where + ") u"
                    + order + ", source" + limit;
        }
        return "SELECT " + columns + " FROM price_data" + where + order + limit;
    }

    /** Reads by column position; the decimals as the text PostgreSQL sent (see {@link CandleRow}). */
    private static CandleRow candle(io.vertx.sqlclient.Row row, boolean withIndicators) {
        Map<String, Object> indicators = null;
        if (withIndicators && row.getValue(9) instanceof JsonObject json) {
            indicators = json.getMap();
        }
        OffsetDateTime time = row.getOffsetDateTime(1);
        return new CandleRow(
                row.getLong(0),
                time == null ? null : time.toInstant(),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                indicators);
    }

    /**
     * Moves one batch of candles of {@code timeframe} older than {@code before} into the archive, in one
     * statement: the delete and the insert commit together or not at all, so a killed run loses and duplicates
     * nothing. A candle already archived is overwritten by the live row (the newer one). Returns the rows moved.
     */
    public Uni<Integer> archiveBatch(
            SqlClient client, Timeframe timeframe, Instant before, int batchSize, Instant now) {
        return client.preparedQuery("""
                        WITH batch AS (
                            SELECT id FROM price_data WHERE timeframe = $1 AND candle_time < $2
                            ORDER BY candle_time LIMIT $3 FOR UPDATE SKIP LOCKED
                        ), moved AS (
                            DELETE FROM price_data p USING batch b WHERE p.id = b.id RETURNING p.*
                        ), archived AS (
                            INSERT INTO price_data_archive (crypto_id, timeframe, open_price, high_price, low_price,
                                close_price, volume, base_volume, quote_volume, market_cap, circulating_supply,
                                technical_indicators, candle_time, created_at, archived_at)
                            SELECT crypto_id, timeframe, open_price, high_price, low_price, close_price, volume,
                                   base_volume, quote_volume, market_cap, circulating_supply, technical_indicators,
                                   candle_time, created_at, $4
                            FROM moved
                            ON CONFLICT (crypto_id, timeframe, candle_time) DO UPDATE
                                SET open_price = EXCLUDED.open_price, high_price = EXCLUDED.high_price,
                                    low_price = EXCLUDED.low_price, close_price = EXCLUDED.close_price,
                                    volume = EXCLUDED.volume, base_volume = EXCLUDED.base_volume,
                                    quote_volume = EXCLUDED.quote_volume, market_cap = EXCLUDED.market_cap,
                                    circulating_supply = EXCLUDED.circulating_supply,
                                    technical_indicators = EXCLUDED.technical_indicators,
                                    archived_at = EXCLUDED.archived_at
                            RETURNING 1
                        )
                        SELECT count(*) AS moved FROM archived""")
                .execute(Tuple.of(timeframe.code(), odt(before), batchSize, odt(now)))
                .map(rows -> rows.iterator().next().getLong("moved").intValue());
    }

    /** Adds batched read counters to the catalogue rows in one statement. */
    public Uni<Integer> addAccessStats(
            SqlClient client, Long[] ids, Long[] counts, OffsetDateTime[] lastAccess, String[] usage) {
        return client.preparedQuery("""
                        UPDATE cryptocurrencies c
                        SET access_count = c.access_count + u.n,
                            last_accessed_at = greatest(c.last_accessed_at, u.last_at),
                            timeframe_usage = (
                                SELECT coalesce(jsonb_object_agg(k.key,
                                           coalesce((c.timeframe_usage ->> k.key)::bigint, 0)
                                         + coalesce((u.usage::jsonb ->> k.key)::bigint, 0)), '{}'::jsonb)
                                FROM jsonb_object_keys(c.timeframe_usage || u.usage::jsonb) AS k(key))
                        FROM unnest($1::int8[], $2::int8[], $3::timestamptz[], $4::text[]) AS u(id, n, last_at, usage)
                        WHERE c.id = u.id""")
                .execute(Tuple.of(ids, counts, lastAccess, usage))
                .map(RowSet::rowCount);
    }

    private static long interval(Timeframe timeframe) {
        return timeframe.duration().getSeconds();
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
