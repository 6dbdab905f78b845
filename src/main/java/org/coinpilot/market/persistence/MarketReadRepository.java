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
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.time.Timeframe;

/**
 * The reads market publishes to other features (through {@code market.service.MarketReadService}), each one
 * statement for any number of assets: catalogue entries, the latest candle as a quote, the newest stored indicator
 * values. Each per-asset look-up is a backward range scan of {@code uq_price_data_candle}.
 */
@ApplicationScoped
public class MarketReadRepository {

    static final String ASSETS = """
            SELECT id, symbol, name, is_active, is_supported FROM cryptocurrencies WHERE id = ANY($1::int8[])""";

    private static final String SUPPORTED = """
            SELECT id, symbol, name, is_active, is_supported FROM cryptocurrencies
            WHERE is_active AND is_supported ORDER BY id""";

    /** The catalogue's market snapshot (CoinGecko) of these assets and their CoinGecko id. */
    static final String CATALOGUE = """
            SELECT id, symbol, external_ids ->> 'coingecko' AS coingecko_id, market_cap, market_cap_rank, updated_at
            FROM cryptocurrencies WHERE id = ANY($1::int8[])""";

    /**
     * $1 asset ids, $2 timeframe, $3 how many candles close in 24 h (0: not a whole number, e.g. weekly). The 24 h /
     * 7 d references are the candles exactly 24 h / 7 d before the latest; the 24 h volume sums the candles that
     * closed in the 24 h up to the latest one's close (open time after latest - 24 h).
     */
    static final String QUOTES = """
            SELECT a.id, a.symbol, l.candle_time, l.close_price, d1.close_price AS close_24h, d7.close_price AS close_7d,
                   v.volume AS volume_24h, v.candles AS volume_candles
            FROM cryptocurrencies a
            JOIN LATERAL (SELECT d.candle_time, d.close_price FROM price_data d
                          WHERE d.crypto_id = a.id AND d.timeframe = $2
                          ORDER BY d.candle_time DESC LIMIT 1) l ON true
            LEFT JOIN LATERAL (SELECT d.close_price FROM price_data d
                               WHERE d.crypto_id = a.id AND d.timeframe = $2
                                 AND d.candle_time = l.candle_time - interval '24 hours') d1 ON true
            LEFT JOIN LATERAL (SELECT d.close_price FROM price_data d
                               WHERE d.crypto_id = a.id AND d.timeframe = $2
                                 AND d.candle_time = l.candle_time - interval '7 days') d7 ON true
            LEFT JOIN LATERAL (SELECT sum(d.volume) AS volume, count(d.volume) AS candles FROM price_data d
                               WHERE $3::int > 0 AND d.crypto_id = a.id AND d.timeframe = $2
                                 AND d.candle_time > l.candle_time - interval '24 hours'
                                 AND d.candle_time <= l.candle_time) v ON true
            WHERE a.id = ANY($1::int8[])""";

    /** $1 asset ids, $2 timeframe: the newest live candle with stored indicators, and the newest live candle. */
    static final String INDICATORS = """
            SELECT a.id, t.candle_time, t.technical_indicators, l.candle_time AS latest_candle_time
            FROM unnest($1::int8[]) AS a(id)
            JOIN LATERAL (SELECT d.candle_time, d.technical_indicators FROM price_data d
                          WHERE d.crypto_id = a.id AND d.timeframe = $2 AND d.technical_indicators IS NOT NULL
                          ORDER BY d.candle_time DESC LIMIT 1) t ON true
            JOIN LATERAL (SELECT d.candle_time FROM price_data d
                          WHERE d.crypto_id = a.id AND d.timeframe = $2
                          ORDER BY d.candle_time DESC LIMIT 1) l ON true""";

    /**
     * $1 asset ids, $2 from (inclusive): the highest high of each asset's live daily candles since $2, one aggregate
     * per asset over the (crypto_id, timeframe, candle_time) key; an asset without daily candles there gives no row.
     */
    static final String HIGHS = """
            SELECT a.id, h.high
            FROM unnest($1::int8[]) AS a(id)
            JOIN LATERAL (SELECT max(d.high_price) AS high FROM price_data d
                          WHERE d.crypto_id = a.id AND d.timeframe = '1d' AND d.candle_time >= $2) h ON h.high IS NOT NULL""";

    public record AssetRow(long id, String symbol, String name, boolean active, boolean supported) {}

    /** The highest daily high of an asset over a window. */
    public record HighRow(long cryptoId, BigDecimal high) {}

    /** The latest candle of an asset and the closes and volume a quote is computed from. */
    public record QuoteRow(
            long cryptoId,
            String symbol,
            Instant candleTime,
            BigDecimal close,
            BigDecimal close24h,
            BigDecimal close7d,
            BigDecimal volume24h,
            long volumeCandles) {}

    public record CatalogueRow(
            long id,
            String symbol,
            String coingeckoId,
            BigDecimal marketCap,
            Integer marketCapRank,
            Instant updatedAt) {}

    public record IndicatorRow(long cryptoId, Instant candleTime, JsonObject values, Instant latestCandleTime) {}

    /** The highest daily high of each asset since {@code from}; assets without daily candles have no row. */
    public Uni<List<HighRow>> highs(SqlClient client, List<Long> ids, Instant from) {
        return client.preparedQuery(HIGHS)
                .execute(Tuple.of(ids.toArray(Long[]::new), OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    List<HighRow> highs = new ArrayList<>();
                    for (Row r : rows) {
                        highs.add(new HighRow(r.getLong("id"), r.getBigDecimal("high")));
                    }
                    return highs;
                });
    }

    public Uni<List<AssetRow>> assets(SqlClient client, List<Long> ids) {
        return client.preparedQuery(ASSETS)
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(MarketReadRepository::assetRows);
    }

    /** The active, supported assets (those whose candles are fetched), by id. */
    public Uni<List<AssetRow>> supportedAssets(SqlClient client) {
        return client.query(SUPPORTED).execute().map(MarketReadRepository::assetRows);
    }

    private static List<AssetRow> assetRows(RowSet<Row> rows) {
        List<AssetRow> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new AssetRow(
                    row.getLong("id"),
                    row.getString("symbol"),
                    row.getString("name"),
                    row.getBoolean("is_active"),
                    row.getBoolean("is_supported")));
        }
        return list;
    }

    public Uni<List<CatalogueRow>> catalogue(SqlClient client, List<Long> ids) {
        return client.preparedQuery(CATALOGUE)
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    List<CatalogueRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new CatalogueRow(
                                row.getLong("id"),
                                row.getString("symbol"),
                                row.getString("coingecko_id"),
                                row.getBigDecimal("market_cap"),
                                row.getInteger("market_cap_rank"),
                                instant(row.getOffsetDateTime("updated_at"))));
                    }
                    return list;
                });
    }

    /** Assets without a stored candle on {@code timeframe} are left out. */
    public Uni<List<QuoteRow>> quotes(SqlClient client, List<Long> ids, Timeframe timeframe) {
        long perDay = 86_400L % timeframe.duration().toSeconds() == 0
                ? 86_400L / timeframe.duration().toSeconds()
                : 0;
        Tuple parameters = Tuple.of(ids.toArray(Long[]::new), timeframe.code(), (int) perDay);
        return client.preparedQuery(QUOTES).execute(parameters).map(rows -> {
            List<QuoteRow> list = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Long candles = row.getLong("volume_candles");
                list.add(new QuoteRow(
                        row.getLong("id"),
                        row.getString("symbol"),
                        instant(row.getOffsetDateTime("candle_time")),
                        row.getBigDecimal("close_price"),
                        row.getBigDecimal("close_24h"),
                        row.getBigDecimal("close_7d"),
                        perDay > 0 && candles != null && candles == perDay ? row.getBigDecimal("volume_24h") : null,
                        candles == null ? 0 : candles));
            }
            return list;
        });
    }

    /** Assets without stored indicator values on {@code timeframe} are left out. */
    public Uni<List<IndicatorRow>> latestIndicators(SqlClient client, List<Long> ids, Timeframe timeframe) {
        return client.preparedQuery(INDICATORS)
                .execute(Tuple.of(ids.toArray(Long[]::new), timeframe.code()))
                .map(rows -> {
                    List<IndicatorRow> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        Object values = row.getValue("technical_indicators");
                        list.add(new IndicatorRow(
                                row.getLong("id"),
                                instant(row.getOffsetDateTime("candle_time")),
                                values instanceof JsonObject json ? json : new JsonObject(),
                                instant(row.getOffsetDateTime("latest_candle_time"))));
                    }
                    return list;
                });
    }

    /**
     * $1 timeframe codes, $2 their staleness cut-offs (open time): per timeframe, over the active supported assets,
     * the series, those without candles, the stale ones, the newest and the most lagging newest candle, and the open
     * gaps with the candles they miss.
     */
    static final String FRESHNESS = """
            WITH t AS (SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS t(timeframe, cutoff)),
            s AS (
                SELECT t.timeframe, t.cutoff, l.newest
                FROM t CROSS JOIN cryptocurrencies a
                LEFT JOIN LATERAL (SELECT max(d.candle_time) AS newest FROM price_data d
                                   WHERE d.crypto_id = a.id AND d.timeframe = t.timeframe) l ON true
                WHERE a.is_active AND a.is_supported),
            g AS (
                SELECT g.timeframe, count(*) AS gaps, sum(g.missing_candles) AS missing
                FROM market_candle_gaps g JOIN cryptocurrencies a ON a.id = g.crypto_id
                WHERE g.filled_at IS NULL AND a.is_active AND a.is_supported AND g.timeframe = ANY($1::text[])
                GROUP BY g.timeframe)
            SELECT t.timeframe,
                   count(s.timeframe) AS series,
                   count(s.timeframe) FILTER (WHERE s.newest IS NULL) AS without_candles,
                   count(s.timeframe) FILTER (WHERE s.newest IS NULL OR s.newest < s.cutoff) AS stale,
                   max(s.newest) AS newest,
                   min(s.newest) AS oldest,
                   coalesce(max(g.gaps), 0) AS open_gaps,
                   coalesce(max(g.missing), 0) AS missing_candles
            FROM t LEFT JOIN s ON s.timeframe = t.timeframe LEFT JOIN g ON g.timeframe = t.timeframe
            GROUP BY t.timeframe""";

    /** Freshness of these timeframes' series ({@link #FRESHNESS}), in the order given. */
    public Uni<List<org.coinpilot.market.domain.SeriesFreshness>> freshness(
            SqlClient client, List<Timeframe> timeframes, List<Instant> cutoffs) {
        String[] codes = timeframes.stream().map(Timeframe::code).toArray(String[]::new);
        OffsetDateTime[] limits =
                cutoffs.stream().map(i -> i.atOffset(java.time.ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return client.preparedQuery(FRESHNESS).execute(Tuple.of(codes, limits)).map(rows -> {
            java.util.Map<String, org.coinpilot.market.domain.SeriesFreshness> byCode = new java.util.HashMap<>();
            for (Row row : rows) {
                String code = row.getString("timeframe");
                byCode.put(
                        code,
                        new org.coinpilot.market.domain.SeriesFreshness(
                                Timeframe.fromCode(code),
                                row.getLong("series"),
                                row.getLong("without_candles"),
                                row.getLong("stale"),
                                instant(row.getOffsetDateTime("newest")),
                                instant(row.getOffsetDateTime("oldest")),
                                row.getLong("open_gaps"),
                                row.getLong("missing_candles")));
            }
            return timeframes.stream().map(tf -> byCode.get(tf.code())).toList();
        });
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** $1 asset ids, $2 timeframe: the assets whose series has a recorded gap not filled yet (ix_market_candle_gaps_open). */
    static final String OPEN_GAPS = """
            SELECT DISTINCT g.crypto_id FROM market_candle_gaps g
            WHERE g.crypto_id = ANY($1::int8[]) AND g.timeframe = $2 AND g.filled_at IS NULL""";

    /** The assets among {@code ids} with an open (unfilled) gap on {@code timeframe}. */
    public Uni<List<Long>> withOpenGaps(SqlClient client, List<Long> ids, Timeframe timeframe) {
        return client.preparedQuery(OPEN_GAPS)
                .execute(Tuple.of(ids.toArray(Long[]::new), timeframe.code()))
                .map(rows -> {
                    List<Long> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(row.getLong("crypto_id")));
                    return list;
                });
    }
}
