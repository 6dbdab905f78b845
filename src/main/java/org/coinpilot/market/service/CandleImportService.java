package org.coinpilot.market.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.api.ImportReport;
import org.coinpilot.market.domain.CandleColumn;
import org.coinpilot.market.domain.CandleTimes;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.market.persistence.CandleRepository;

/**
 * Admin import of candles: Binance kline arrays (JSON) or CSV rows in the column order of Binance's kline files
 * ({@code open_time,open,high,low,close,volume[,close_time,quote_volume,…]}). Each row is checked on its own
 * (parsable open time and numbers, values that fit their columns, high ≥ low and the other OHLC bounds, prices
 * positive, volumes ≥ 0, aligned and closed open time, no time twice); bad rows are reported with a reason and the
 * rest is upserted in batches of one statement, so importing the same file twice changes nothing. No row can make
 * the statement fail: what the columns refuse is refused row by row first.
 *
 * <p>Volume, the same for JSON and CSV (docs/market.md "Volume"): the sixth field is the base-asset volume (Binance's
 * field 5, e.g. BTC), stored exactly ({@code base_volume}); the eighth, when the row has one, is the quote-asset
 * volume (Binance's field 7, USDT), stored exactly ({@code quote_volume}). The seed's USD {@code volume} is the quote
 * volume rounded HALF_EVEN to cents, or, for a row without one, close × base volume rounded to cents (an estimate:
 * {@code quote_volume} stays NULL). The seventh field (close time) is not used.
 *
 * <p>Values: prices are rounded HALF_EVEN to 8 decimals and USD volume to 2 ({@link CandleColumn}); base and quote
 * volume keep their decimals up to 18. A value with more integer digits than its column holds ({@code numeric(20,8)}:
 * 12, volumes: 28) is refused. JSON numbers (as opposed to Binance's strings) are read as exact decimals, never
 * through {@code double}. Open times are epoch milliseconds, epoch microseconds (16 digits or more, as Binance's spot
 * files from 2025 on) or ISO-8601 instants.
 */
@ApplicationScoped
public class CandleImportService {

    private static final int BATCH = 1000;

    private final CandleRepository candles;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HotCandleCache cache;
    private final AssetSnapshotCache snapshots;
    private final Transactions tx;

    public CandleImportService(
            CandleRepository candles,
            ObjectMapper mapper,
            Clock clock,
            HotCandleCache cache,
            AssetSnapshotCache snapshots,
            Transactions tx) {
        this.tx = tx;
        this.cache = cache;
        this.snapshots = snapshots;
        this.candles = candles;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<ImportReport> importJson(String symbol, String timeframe, String body) {
        Timeframe tf = timeframe(timeframe);
        JsonNode root;
        try {
            root = mapper.readerFor(JsonNode.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(body);
        } catch (Exception e) {
            throw new BadRequestProblemException("body", "body", "is not JSON");
        }
        if (root == null || !root.isArray()) {
            throw new BadRequestProblemException("body", "body", "must be an array of Binance kline arrays");
        }
        List<String[]> rows = new ArrayList<>();
        for (JsonNode row : root) {
            if (!row.isArray()) {
                rows.add(null);
                continue;
            }
            String[] fields = new String[row.size()];
            for (int i = 0; i < row.size(); i++) {
                fields[i] = row.get(i).asText();
            }
            rows.add(fields);
        }
        return store(symbol, tf, rows);
    }

    public Uni<ImportReport> importCsv(String symbol, String timeframe, String body) {
        Timeframe tf = timeframe(timeframe);
        List<String[]> rows = new ArrayList<>();
        for (String line : body.split("\\r?\\n")) {
            if (line.isBlank() || line.trim().toLowerCase(java.util.Locale.ROOT).startsWith("open_time")) {
                continue;
            }
            rows.add(line.split(",", -1));
        }
        return store(symbol, tf, rows);
    }

    private Uni<ImportReport> store(String symbol, Timeframe timeframe, List<String[]> rows) {
        Instant now = clock.instant();
        List<Kline> valid = new ArrayList<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            int number = i + 1;
            if (f == null || f.length < 6) {
                rejected.add(new ImportReport.RejectedRow(number, "expected at least 6 fields"));
                continue;
            }
            Kline candle;
            try {
                candle = parse(f);
            } catch (RowRejected e) {
                rejected.add(new ImportReport.RejectedRow(number, e.getMessage()));
                continue;
            }
            String problem = candle.inconsistency();
            if (problem == null && !CandleTimes.isAligned(timeframe, candle.openTime())) {
                problem = "open time is not a " + timeframe.code() + " candle boundary";
            }
            if (problem == null && !candle.isClosedAt(now, timeframe)) {
                problem = "candle is not closed yet";
            }
            if (problem == null && !seen.add(candle.openTime())) {
                problem = "duplicate open time " + candle.openTime();
            }
            if (problem != null) {
                rejected.add(new ImportReport.RejectedRow(number, problem));
            } else {
                valid.add(candle);
            }
        }
        return tx.statement(client -> candles.findAssetId(client, symbol))
                .onItem()
                .ifNull()
                .failWith(() ->
                        new ResourceNotFoundException("ASSET_NOT_FOUND", "No asset has the symbol '" + symbol + "'."))
                .chain(cryptoId -> upsertAll(cryptoId, timeframe, valid, 0, new CandleRepository.UpsertCount(0, 0)))
                .map(count -> new ImportReport(
                        rows.size(),
                        count.inserted(),
                        count.updated(),
                        valid.size() - count.inserted() - count.updated(),
                        rejected));
    }

    private Uni<CandleRepository.UpsertCount> upsertAll(
            long cryptoId, Timeframe timeframe, List<Kline> valid, int from, CandleRepository.UpsertCount total) {
        if (from >= valid.size()) {
            return Uni.createFrom().item(total);
        }
        int to = Math.min(valid.size(), from + BATCH);
        return tx.statement(client -> candles.upsert(client, cryptoId, timeframe, valid.subList(from, to)))
                .invoke(() -> {
                    cache.invalidate(cryptoId, timeframe);
                    snapshots.invalidate(cryptoId);
                })
                .chain(count -> upsertAll(cryptoId, timeframe, valid, to, total.plus(count)));
    }

    /**
     * One row as a candle, or {@link RowRejected} naming the first field that cannot be read: open time, then
     * open, high, low, close, base_volume (sixth field), quote_volume (eighth, when present). A decimal must parse
     * ({@code NaN}, {@code Infinity} do not); more decimals than the column's scale are rounded, not refused, and a
     * positive price that rounds to 0 is refused. Whether each value fits its column ({@link CandleColumn}) is
     * {@link Kline#inconsistency()}'s first check, the same for imports and ingestion.
     */
    private static Kline parse(String[] f) {
        Instant open;
        try {
            open = openTime(f[0].trim());
        } catch (RuntimeException e) {
            throw new RowRejected("open_time: not epoch milliseconds or an ISO-8601 instant");
        }
        BigDecimal o = price("open", f[1]);
        BigDecimal h = price("high", f[2]);
        BigDecimal l = price("low", f[3]);
        BigDecimal c = price("close", f[4]);
        BigDecimal base = decimal("base_volume", f[5]);
        BigDecimal quote = f.length > 7 ? decimal("quote_volume", f[7]) : null;
        try {
            return Kline.ofVolumes(open, o, h, l, c, base, quote, null);
        } catch (ArithmeticException e) {
            throw new RowRejected("volume: base volume × close is out of range");
        }
    }

    private static BigDecimal price(String field, String text) {
        BigDecimal value = decimal(field, text);
        if (value.signum() > 0 && CandleColumn.PRICE.round(value).signum() == 0) {
            throw new RowRejected(field + ": rounds to 0 at " + CandleColumn.PRICE.scale() + " decimals ("
                    + CandleColumn.PRICE.type() + "), prices must be positive");
        }
        return value;
    }

    private static BigDecimal decimal(String field, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new RowRejected(field + ": not a decimal number");
        }
    }

    /** A row that is reported as rejected with this message as its reason. */
    private static final class RowRejected extends RuntimeException {
        RowRejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Epoch microseconds from this value on (epoch milliseconds would be the year 33658). */
    private static final long FIRST_MICROS = 1_000_000_000_000_000L;

    private static Instant openTime(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(text);
            return value >= FIRST_MICROS
                    ? Instant.ofEpochSecond(value / 1_000_000, value % 1_000_000 * 1000)
                    : Instant.ofEpochMilli(value);
        }
        return Instant.parse(text);
    }

    private static Timeframe timeframe(String code) {
        try {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("missing");
            }
            return Timeframe.fromCode(code.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestProblemException("timeframe", "query", "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w");
        }
    }
}
