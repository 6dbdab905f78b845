package org.coinpilot.market.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Writes the UTF-8 JSON of one page of candles without indicators straight into bytes: exactly what Jackson writes
 * for a {@code CursorPage<CandleResponse>} through {@link CandleResponseSerializer} ({@code {"items":[…]}}, then
 * {@code ,"nextCursor":"…"} when there is one; {@code time} as {@link DateTimeFormatter#ISO_INSTANT}; decimals as
 * {@link BigDecimal#toPlainString()} strings; {@code null} as null). The decimals come in as that text already
 * (PostgreSQL's, see {@code CandleRepository.CandleRow}). {@code CandlePageJsonTest} compares the two on many values.
 *
 * <p>Why not Jackson: a page is the hot path of the market API (100 candles × 8 values per request) and every value
 * is ASCII that needs no escaping (digits, {@code - . : T Z +}). Whole-second times of the years 1000–9999 are
 * formatted here without an intermediate {@code String}; other times go through the JDK formatter. The date part is
 * formatted once per day of the page (24 candles of 1h share it). Indicators are not written here: pages with
 * {@code include=indicators} go through Jackson.
 *
 * <p>One instance writes one page; not thread-safe.
 */
public final class CandlePageJson {

    private static final byte[] START = ascii("{\"items\":[");
    private static final byte[] TIME = ascii("{\"time\":");
    private static final byte[] OPEN = ascii(",\"open\":");
    private static final byte[] HIGH = ascii(",\"high\":");
    private static final byte[] LOW = ascii(",\"low\":");
    private static final byte[] CLOSE = ascii(",\"close\":");
    private static final byte[] VOLUME = ascii(",\"volume\":");
    private static final byte[] BASE_VOLUME = ascii(",\"baseVolume\":");
    private static final byte[] QUOTE_VOLUME = ascii(",\"quoteVolume\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] NEXT = ascii("],\"nextCursor\":");
    private static final byte[] END = ascii("]}");

    /** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: four-digit years, formatted here; others by the JDK. */
    private static final long FIRST_FAST_SECOND = -30_610_224_000L;

    private static final long LAST_FAST_SECOND = 253_402_300_799L;

    private byte[] buf;
    private int len;
    private boolean first = true;
    private long day = Long.MIN_VALUE;
    private final byte[] date = new byte[11]; // yyyy-MM-ddT of {@code day}

    /** A writer sized for about {@code candles} candles (it grows when needed). */
    public CandlePageJson(int candles) {
        buf = new byte[16 + Math.max(candles, 1) * 224];
        put(START);
    }

    /**
     * Appends one candle. The decimals are plain decimal text ({@link BigDecimal#toPlainString()}, which is also
     * PostgreSQL's text of a {@code numeric}): written as JSON strings character for character.
     */
    public CandlePageJson candle(
            Instant time,
            String open,
            String high,
            String low,
            String close,
            String volume,
            String baseVolume,
            String quoteVolume) {
        ensure(2 + TIME.length);
        if (!first) {
            buf[len++] = ',';
        }
        first = false;
        put(TIME);
        time(time);
        decimal(OPEN, open);
        decimal(HIGH, high);
        decimal(LOW, low);
        decimal(CLOSE, close);
        decimal(VOLUME, volume);
        decimal(BASE_VOLUME, baseVolume);
        decimal(QUOTE_VOLUME, quoteVolume);
        ensure(1);
        buf[len++] = '}';
        return this;
    }

    /** Closes the page ({@code nextCursor} is left out when null) and returns its bytes. */
    public byte[] finish(String nextCursor) {
        if (nextCursor == null) {
            put(END);
        } else {
            put(NEXT);
            quoted(nextCursor);
            ensure(1);
            buf[len++] = '}';
        }
        return Arrays.copyOf(buf, len);
    }

    private void time(Instant instant) {
        if (instant == null) {
            put(NULL);
            return;
        }
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            quoted(DateTimeFormatter.ISO_INSTANT.format(instant));
            return;
        }
        long epochDay = Math.floorDiv(seconds, 86_400L);
        int second = (int) Math.floorMod(seconds, 86_400L);
        if (epochDay != day) {
            LocalDate local = LocalDate.ofEpochDay(epochDay);
            int year = local.getYear();
            date[0] = (byte) ('0' + year / 1000);
            date[1] = (byte) ('0' + year / 100 % 10);
            date[2] = (byte) ('0' + year / 10 % 10);
            date[3] = (byte) ('0' + year % 10);
            date[4] = '-';
            two(date, 5, local.getMonthValue());
            date[7] = '-';
            two(date, 8, local.getDayOfMonth());
            date[10] = 'T';
            day = epochDay;
        }
        ensure(22);
        byte[] b = buf;
        int at = len;
        b[at] = '"';
        System.arraycopy(date, 0, b, at + 1, 11);
        two(b, at + 12, second / 3600);
        b[at + 14] = ':';
        two(b, at + 15, second / 60 % 60);
        b[at + 17] = ':';
        two(b, at + 18, second % 60);
        b[at + 20] = 'Z';
        b[at + 21] = '"';
        len = at + 22;
    }

    /**
     * A decimal text as a JSON string, copied as is: PostgreSQL's text of a {@code numeric} is made of
     * {@code - . 0-9} (or {@code NaN}), ASCII that needs no escaping, and the copy is the hot loop of a page (seven
     * per candle).
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies each char's low byte: exact for ASCII
    private void decimal(byte[] name, String text) {
        put(name);
        if (text == null) {
            put(NULL);
            return;
        }
        int n = text.length();
        ensure(n + 2);
        buf[len] = '"';
        text.getBytes(0, n, buf, len + 1);
        buf[len + 1 + n] = '"';
        len += n + 2;
    }

    /** A JSON string of ASCII characters that need no escaping (all this writer is given). */
    private void quoted(String text) {
        int n = text.length();
        ensure(n + 2);
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("not a plain ASCII JSON string: " + text);
            }
            b[at++] = (byte) c;
        }
        b[at++] = '"';
        len = at;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static void two(byte[] b, int at, int value) {
        b[at] = (byte) ('0' + value / 10);
        b[at + 1] = (byte) ('0' + value % 10);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
