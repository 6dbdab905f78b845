package org.coinpilot.market.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link CandleResponse} field by field: exactly the JSON the bean serializer wrote (record order,
 * {@code time} as ISO-8601 UTC like {@link DateTimeFormatter#ISO_INSTANT}, decimals as plain-notation strings like
 * {@code common.money.DecimalJsonCustomizer}, {@code null} as null, {@code indicators} only when present), without
 * per-property reflection and with a direct formatter for whole-second times. A page of candles is the hot path of
 * the market API (100 candles × 6 values per request).
 */
public final class CandleResponseSerializer extends StdSerializer<CandleResponse> {

    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString OPEN = new SerializedString("open");
    private static final SerializedString HIGH = new SerializedString("high");
    private static final SerializedString LOW = new SerializedString("low");
    private static final SerializedString CLOSE = new SerializedString("close");
    private static final SerializedString VOLUME = new SerializedString("volume");
    private static final SerializedString BASE_VOLUME = new SerializedString("baseVolume");
    private static final SerializedString QUOTE_VOLUME = new SerializedString("quoteVolume");

    /** 1000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: four-digit years, formatted here; others by the JDK. */
    private static final long FIRST_FAST_SECOND = -30_610_224_000L;

    private static final long LAST_FAST_SECOND = 253_402_300_799L;

    public CandleResponseSerializer() {
        super(CandleResponse.class);
    }

    @Override
    public void serialize(CandleResponse candle, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject(candle);
        json.writeFieldName(TIME);
        time(json, candle.time());
        decimal(json, OPEN, candle.open());
        decimal(json, HIGH, candle.high());
        decimal(json, LOW, candle.low());
        decimal(json, CLOSE, candle.close());
        decimal(json, VOLUME, candle.volume());
        decimal(json, BASE_VOLUME, candle.baseVolume());
        decimal(json, QUOTE_VOLUME, candle.quoteVolume());
        if (candle.indicators() != null) {
            provider.defaultSerializeField("indicators", candle.indicators(), json);
        }
        json.writeEndObject();
    }

    private static void decimal(JsonGenerator json, SerializedString name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value.toPlainString());
        }
    }

    private static void time(JsonGenerator json, Instant instant) throws IOException {
        if (instant == null) {
            json.writeNull();
        } else if (fast(instant)) {
            char[] chars = new char[20];
            whole(instant.getEpochSecond(), chars);
            json.writeString(chars, 0, chars.length);
        } else {
            json.writeString(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    /** {@code DateTimeFormatter.ISO_INSTANT.format(instant)}. */
    static String iso(Instant instant) {
        if (!fast(instant)) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        char[] chars = new char[20];
        whole(instant.getEpochSecond(), chars);
        return new String(chars);
    }

    private static boolean fast(Instant instant) {
        long seconds = instant.getEpochSecond();
        return instant.getNano() == 0 && seconds >= FIRST_FAST_SECOND && seconds <= LAST_FAST_SECOND;
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} of a whole second of the years 1000–9999, into {@code c[0..19]}. */
    private static void whole(long seconds, char[] c) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int second = (int) Math.floorMod(seconds, 86_400L);
        int year = date.getYear();
        c[0] = (char) ('0' + year / 1000);
        c[1] = (char) ('0' + year / 100 % 10);
        c[2] = (char) ('0' + year / 10 % 10);
        c[3] = (char) ('0' + year % 10);
        c[4] = '-';
        two(c, 5, date.getMonthValue());
        c[7] = '-';
        two(c, 8, date.getDayOfMonth());
        c[10] = 'T';
        two(c, 11, second / 3600);
        c[13] = ':';
        two(c, 14, second / 60 % 60);
        c[16] = ':';
        two(c, 17, second % 60);
        c[19] = 'Z';
    }

    private static void two(char[] c, int at, int value) {
        c[at] = (char) ('0' + value / 10);
        c[at + 1] = (char) ('0' + value % 10);
    }
}
