package org.coinpilot.market.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.persistence.CandleRepository.CandleRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pre-serialized pages of {@link HotCandleCache}: built once per entry, dropped with it, bounded. */
class HotCandlePageTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    Instant now = START;
    HotCandleCache cache;
    AtomicInteger encoded = new AtomicInteger();
    Function<List<CandleRow>, byte[]> encode = rows -> {
        encoded.incrementAndGet();
        return CandleService.json(rows);
    };

    @BeforeEach
    void setUp() {
        MarketConfig config = mock(MarketConfig.class);
        MarketConfig.Candles candles = mock(MarketConfig.Candles.class);
        MarketConfig.Cache settings = mock(MarketConfig.Cache.class);
        when(config.candles()).thenReturn(candles);
        when(candles.cache()).thenReturn(settings);
        when(settings.enabled()).thenReturn(true);
        when(settings.ttl()).thenReturn(Duration.ofSeconds(30));
        when(settings.size()).thenReturn(10);
        when(settings.maxSeries()).thenReturn(2);
        cache = new HotCandleCache(config, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @Test
    void shouldEncodeAPageOnceAndServeTheSameBytesWhenReadAgain() {
        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(8, 100));

        byte[] first = cache.page(1, Timeframe.H1, 3, encode);
        byte[] second = cache.page(1, Timeframe.H1, 3, encode);

        assertThat(second).isSameAs(first);
        assertThat(encoded).hasValue(1);
        assertThat(first).isEqualTo(CandleService.json(rows(8, 100).subList(5, 8)));
        assertThat(cache.page(1, Timeframe.H1, 20, encode)).isEqualTo(CandleService.json(rows(8, 100)));
        assertThat(cache.page(2, Timeframe.H1, 3, encode)).isNull();
        assertThat(cache.pageBytes()).isEqualTo(first.length + CandleService.json(rows(8, 100)).length);
    }

    @Test
    void shouldServeTheNewCandlesWhenTheSeriesIsWrittenAndLoadedAgain() {
        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(8, 100));
        byte[] stale = cache.page(1, Timeframe.H1, 3, encode);

        cache.invalidate(1, Timeframe.H1); // ingestion wrote the series
        assertThat(cache.page(1, Timeframe.H1, 3, encode)).isNull();
        assertThat(cache.pageBytes()).isZero();

        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(9, 200));
        byte[] fresh = cache.page(1, Timeframe.H1, 3, encode);
        assertThat(fresh)
                .isNotEqualTo(stale)
                .isEqualTo(CandleService.json(rows(9, 200).subList(6, 9)));
        assertThat(new String(fresh, StandardCharsets.US_ASCII)).contains("\"time\":\"2024-01-01T09:00:00Z\"");

        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(10, 300)); // refilled without a write
        assertThat(cache.page(1, Timeframe.H1, 3, encode))
                .isEqualTo(CandleService.json(rows(10, 300).subList(7, 10)));
        assertThat(cache.pageBytes()).isEqualTo(fresh.length);
    }

    @Test
    void shouldDropThePagesWhenTheEntryExpires() {
        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(8, 100));
        cache.page(1, Timeframe.H1, 3, encode);

        now = START.plusSeconds(30);

        assertThat(cache.page(1, Timeframe.H1, 3, encode)).isNull();
        assertThat(cache.pageBytes()).isZero();
    }

    @Test
    void shouldKeepAtMostTheCappedPagesPerSeriesAndStillServeTheOthers() {
        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(10, 100));
        for (int limit = 1; limit <= HotCandleCache.MAX_PAGES_PER_SERIES + 2; limit++) {
            assertThat(cache.page(1, Timeframe.H1, limit, encode))
                    .isEqualTo(CandleService.json(rows(10, 100).subList(10 - limit, 10)));
        }
        int limit = HotCandleCache.MAX_PAGES_PER_SERIES + 1;
        encoded.set(0);
        cache.page(1, Timeframe.H1, limit, encode);
        cache.page(1, Timeframe.H1, 1, encode);
        assertThat(encoded).as("only the first pages are kept").hasValue(1);
    }

    static List<CandleRow> rows(int n, int base) {
        List<CandleRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String p = BigDecimal.valueOf(base + i, 2).toPlainString();
            rows.add(new CandleRow(i, START.plus(Duration.ofHours(i)), p, p, p, p, "1.00", "0.01000000", null, null));
        }
        return rows;
    }
}
