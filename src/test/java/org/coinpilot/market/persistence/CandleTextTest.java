package org.coinpilot.market.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.persistence.CandleRepository.CandleRow;
import org.coinpilot.market.testing.MarketTestData;
import org.junit.jupiter.api.Test;

/**
 * The candles API carries PostgreSQL's text of the stored prices and volumes ({@link CandleRow}) instead of parsing
 * them into {@link BigDecimal}s and printing them again. That is only right if the text is exactly
 * {@link BigDecimal#toPlainString()} of the value the driver reads: checked here on the columns' whole range
 * ({@code numeric(20,8)} prices, {@code numeric(30,2)} volume, plain {@code numeric} base and quote volume that keep
 * each value's own scale), live and archived.
 */
@QuarkusTest
class CandleTextTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    CandleRepository candles;

    @Test
    void shouldReadEachStoredDecimalAsTheDriversValuePrintedPlainWhenLiveOrArchived() {
        long asset = MarketTestData.asset(pool, "TXT", false);
        List<String[]> values = values(new Random(7), 400);
        for (int i = 0; i < values.size(); i++) {
            String[] v = values.get(i);
            String table = i % 3 == 0 ? "price_data_archive" : "price_data";
            pool.preparedQuery("INSERT INTO " + table + " (crypto_id, timeframe, candle_time, open_price, high_price,"
                            + " low_price, close_price, volume, base_volume, quote_volume) VALUES ($1, '1h', $2,"
                            + " $3::text::numeric, $4::text::numeric, $5::text::numeric, $6::text::numeric,"
                            + " $7::text::numeric, $8::text::numeric, $9::text::numeric)")
                    .execute(Tuple.tuple(Arrays.asList(
                            asset,
                            START.plusSeconds(3600L * i).atOffset(ZoneOffset.UTC),
                            v[0],
                            v[1],
                            v[2],
                            v[3],
                            v[4],
                            v[5],
                            v[6])))
                    .await()
                    .indefinitely();
        }

        Map<Instant, List<BigDecimal>> expected = new HashMap<>();
        for (String table : List.of("price_data", "price_data_archive")) {
            for (Row r : pool.preparedQuery(
                            "SELECT candle_time, open_price, high_price, low_price, close_price, volume,"
                                    + " base_volume, quote_volume FROM " + table + " WHERE crypto_id = $1")
                    .execute(Tuple.of(asset))
                    .await()
                    .indefinitely()) {
                List<BigDecimal> decimals = new ArrayList<>();
                for (int c = 1; c <= 7; c++) {
                    decimals.add(r.getBigDecimal(c));
                }
                expected.put(r.getOffsetDateTime(0).toInstant(), decimals);
            }
        }
        List<CandleRow> read = candles.page(
                        pool, asset, Timeframe.H1, START, null, null, false, values.size() + 1, true, false)
                .await()
                .indefinitely();

        assertThat(read).hasSize(values.size());
        for (CandleRow row : read) {
            List<String> plain = expected.get(row.candleTime()).stream()
                    .map(d -> d == null ? null : d.toPlainString())
                    .toList();
            assertThat(List.of(row.open(), row.high(), row.low(), row.close()))
                    .as("candle %s", row.candleTime())
                    .isEqualTo(plain.subList(0, 4));
            assertThat(row.volume()).as("volume of %s", row.candleTime()).isEqualTo(plain.get(4));
            assertThat(row.baseVolume())
                    .as("base volume of %s", row.candleTime())
                    .isEqualTo(plain.get(5));
            assertThat(row.quoteVolume())
                    .as("quote volume of %s", row.candleTime())
                    .isEqualTo(plain.get(6));
        }
        // the exact columns keep the scale each value was given with
        assertThat(read).extracting(CandleRow::baseVolume).contains("27174.29903000", "0", "1000", null);
        assertThat(read).extracting(CandleRow::volume).contains((String) null, "0.00");
        assertThat(read).extracting(CandleRow::high).contains("0.00000001", "999999999999.99999999");
    }

    /**
     * Open, high, low, close ({@code numeric(20,8)}, positive, high the largest and low the smallest after rounding to
     * the column's scale) and volume ({@code numeric(30,2)}, sometimes null) as literals in various notations.
     */
    private static List<String[]> values(Random random, int n) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"0.00000001", "0.00000001", "1e-8", "0.000000005", "0", "0", null});
        rows.add(new String[] {"123.4", "999999999999.99999999", "1", "999999999999.99999999", null, null, null});
        rows.add(new String[] {
            "64012.5",
            "64100",
            "63990.12345678",
            "64000.10",
            "9999999999999999999999999999.99",
            "9999999999999999999999999999.999999999999999999",
            "0.000000000000000001"
        });
        rows.add(new String[] {"100.000000004", "1.5E+3", "0.000012345", "100.000000005", "12.345", "1E+3", "1.50"});
        rows.add(new String[] {
            "44000", "44184.1", "42180.77", "44179.55", "1169995682.03", "27174.29903000", "1169995682.02800140"
        });
        while (rows.size() < n) {
            List<String> prices = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                prices.add(price(random));
            }
            prices.sort(Comparator.comparing(p -> new BigDecimal(p).setScale(8, RoundingMode.HALF_UP)));
            String volume = random.nextInt(10) == 0 ? null : volume(random);
            String base = random.nextInt(10) == 0 ? null : exactVolume(random);
            String quote = random.nextInt(5) == 0 ? null : exactVolume(random);
            rows.add(new String[] {prices.get(1), prices.get(3), prices.get(0), prices.get(2), volume, base, quote});
        }
        return rows;
    }

    /** A positive price literal that stays positive at scale 8. */
    private static String price(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new BigDecimal(BigInteger.valueOf(random.nextLong(1, 100_000_000_000_000_000L)), 8).toString();
            case 1 ->
                BigDecimal.valueOf(random.nextInt(1, 1_000_000), random.nextInt(0, 6))
                        .toString();
            case 2 -> Double.toString((1 + random.nextDouble()) * Math.pow(10, random.nextInt(-7, 11)));
            default -> Long.toString(random.nextLong(1, 1_000_000_000_000L));
        };
    }

    /** A base or quote volume literal: any scale 0–18, at most 28 integer digits, sometimes in E notation. */
    private static String exactVolume(Random random) {
        BigDecimal v = new BigDecimal(new BigInteger(random.nextInt(1, 150), random), random.nextInt(0, 19));
        if (v.precision() - v.scale() > 28) {
            v = v.movePointLeft(v.precision() - v.scale() - 28);
            if (v.scale() > 18) {
                v = v.setScale(18, RoundingMode.DOWN);
            }
        }
        return random.nextBoolean() ? v.toString() : v.toPlainString();
    }

    private static String volume(Random random) {
        return new BigDecimal(new BigInteger(random.nextInt(1, 90), random), random.nextInt(0, 6)).toString();
    }
}
