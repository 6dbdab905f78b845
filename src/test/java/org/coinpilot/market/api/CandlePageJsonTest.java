package org.coinpilot.market.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.coinpilot.common.paging.Cursor;
import org.coinpilot.common.paging.CursorPage;
import org.junit.jupiter.api.Test;

/**
 * {@link CandlePageJson} writes exactly what the application's Jackson mapper writes for the same page, given the
 * decimals' plain text ({@code CandleTextTest} checks that PostgreSQL sends exactly that text).
 */
@QuarkusTest
class CandlePageJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldWriteTheBytesJacksonWritesWhenGivenAnyDecimalsAndTimes() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(40);
            List<CandleResponse> items = new ArrayList<>();
            CandlePageJson json = new CandlePageJson(random.nextInt(3));
            for (int i = 0; i < n; i++) {
                CandleResponse c = new CandleResponse(
                        time(random),
                        decimal(random),
                        decimal(random),
                        decimal(random),
                        decimal(random),
                        decimal(random),
                        decimal(random),
                        decimal(random),
                        null);
                items.add(c);
                json.candle(
                        c.time(),
                        plain(c.open()),
                        plain(c.high()),
                        plain(c.low()),
                        plain(c.close()),
                        plain(c.volume()),
                        plain(c.baseVolume()),
                        plain(c.quoteVolume()));
            }
            String next = random.nextBoolean()
                    ? null
                    : new Cursor(time(random) == null ? Instant.EPOCH : Instant.ofEpochSecond(random.nextInt()), round)
                            .encode();
            byte[] expected = mapper.writeValueAsBytes(new CursorPage<>(items, next));
            byte[] actual = json.finish(next);
            assertThat(new String(actual, StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void shouldWriteTheEdgeValuesAsJacksonDoes() throws Exception {
        List<BigDecimal> values = List.of(
                BigDecimal.ZERO,
                new BigDecimal("0E-8"),
                new BigDecimal("0.00000001"),
                new BigDecimal("-0.00000001"),
                new BigDecimal("1E+3"),
                new BigDecimal("123456789012345678"),
                new BigDecimal("-999999999999999999"),
                new BigDecimal("1234567890123456789"),
                new BigDecimal("0.123456789012345678"),
                new BigDecimal("0.1234567890123456789"),
                new BigDecimal("42.10"),
                new BigDecimal("-42.10"),
                new BigDecimal("1e-30"));
        List<Instant> times = List.of(
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59Z"),
                Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T23:00:00Z"),
                Instant.parse("2024-03-01T00:00:00.5Z"),
                Instant.parse("2024-03-01T00:00:00.000001Z"));
        List<CandleResponse> items = new ArrayList<>();
        CandlePageJson json = new CandlePageJson(1);
        for (int i = 0; i < Math.max(values.size(), times.size()); i++) {
            BigDecimal v = values.get(i % values.size());
            CandleResponse c =
                    new CandleResponse(times.get(i % times.size()), v, v.negate(), null, v, v, v.negate(), null, null);
            items.add(c);
            json.candle(
                    c.time(),
                    plain(c.open()),
                    plain(c.high()),
                    plain(c.low()),
                    plain(c.close()),
                    plain(c.volume()),
                    plain(c.baseVolume()),
                    plain(c.quoteVolume()));
        }
        assertThat(new String(json.finish(null), StandardCharsets.UTF_8))
                .isEqualTo(mapper.writeValueAsString(new CursorPage<>(items, null)));
        assertThat(new CandlePageJson(0).finish(null))
                .isEqualTo(mapper.writeValueAsBytes(new CursorPage<CandleResponse>(List.of(), null)));
    }

    /** What PostgreSQL sends for a stored numeric, and what {@code CandleRepository.CandleRow} carries. */
    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static Instant time(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> Instant.ofEpochSecond(random.nextLong(-40_000_000_000L, 300_000_000_000L));
            case 2 -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
            default -> Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000) * 3600L);
        };
    }

    private static BigDecimal decimal(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> new BigDecimal(new BigInteger(random.nextInt(1, 200), random), random.nextInt(-5, 40));
            case 2 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(0, 20));
            case 3 -> BigDecimal.valueOf(random.nextInt(1000), 2);
            default -> BigDecimal.valueOf(random.nextLong(1, 10_000_000_000_000L), 8);
        };
    }
}
