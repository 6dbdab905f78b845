package org.coinpilot.market.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.persistence.CandleRepository.CandleRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HotCandleCacheTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    Instant now = START;
    HotCandleCache cache;

    @BeforeEach
    void setUp() {
        MarketConfig config = mock(MarketConfig.class);
        MarketConfig.Candles candles = mock(MarketConfig.Candles.class);
        MarketConfig.Cache settings = mock(MarketConfig.Cache.class);
        when(config.candles()).thenReturn(candles);
        when(candles.cache()).thenReturn(settings);
        when(settings.enabled()).thenReturn(true);
        when(settings.ttl()).thenReturn(Duration.ofSeconds(30));
        when(settings.size()).thenReturn(5);
        when(settings.maxSeries()).thenReturn(2);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        cache = new HotCandleCache(config, clock);
    }

    @Test
    void shouldServeTheNewestLimitOldestFirstWhenTheSeriesIsCached() {
        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(8));

        assertThat(cache.newest(1, Timeframe.H1, 3)).extracting(CandleRow::id).containsExactly(6L, 7L, 8L);
        assertThat(cache.newest(1, Timeframe.H1, 5)).extracting(CandleRow::id).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(cache.serves(5)).isTrue();
        assertThat(cache.serves(6)).isFalse();
        assertThat(cache.newest(1, Timeframe.H4, 3)).isNull();
    }

    @Test
    void shouldForgetTheSeriesWhenItIsWrittenOrExpires() {
        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(3));
        cache.invalidate(1, Timeframe.H1);
        assertThat(cache.newest(1, Timeframe.H1, 3)).isNull();

        cache.put(1, Timeframe.H1, cache.generation(1, Timeframe.H1), rows(3));
        now = START.plusSeconds(29);
        assertThat(cache.newest(1, Timeframe.H1, 3)).hasSize(3);
        now = START.plusSeconds(30);
        assertThat(cache.newest(1, Timeframe.H1, 3)).isNull();
    }

    @Test
    void shouldNotStoreALoadThatStartedBeforeAWriteWhenTheWriteWinsTheRace() {
        long generation = cache.generation(1, Timeframe.H1);
        cache.invalidate(1, Timeframe.H1); // a write commits while the load is in flight

        cache.put(1, Timeframe.H1, generation, rows(3));

        assertThat(cache.newest(1, Timeframe.H1, 3)).isNull();
    }

    @Test
    void shouldKeepAtMostMaxSeriesWhenManySeriesAreRead() {
        for (long id = 1; id <= 3; id++) {
            cache.put(id, Timeframe.H1, cache.generation(id, Timeframe.H1), rows(2));
        }
        assertThat(cache.newest(3, Timeframe.H1, 2)).isNull();

        now = START.plusSeconds(31); // the first two expired: room again
        cache.put(3, Timeframe.H1, cache.generation(3, Timeframe.H1), rows(2));
        assertThat(cache.newest(3, Timeframe.H1, 2)).hasSize(2);
    }

    static List<CandleRow> rows(int n) {
        List<CandleRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String p = BigDecimal.valueOf(100 + i).toPlainString();
            rows.add(new CandleRow(i, START.plus(Duration.ofHours(i)), p, p, p, p, "1.00", "0.01000000", null, null));
        }
        return rows;
    }
}
