package org.coinpilot.market.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.Kline;
import org.junit.jupiter.api.Test;

/** The offline random walk: deterministic, exchange-like (forming candle last), valid OHLC, realistic moves. */
class SimulatedCandleProviderTest {

    static final Instant NOW = Instant.parse("2024-03-01T10:30:00Z");

    static SimulatedCandleProvider provider(long seed) {
        MarketConfig config = mock(MarketConfig.class);
        MarketConfig.Simulated simulated = mock(MarketConfig.Simulated.class);
        when(config.simulated()).thenReturn(simulated);
        when(simulated.seed()).thenReturn(seed);
        return new SimulatedCandleProvider(Clock.fixed(NOW, ZoneOffset.UTC), config);
    }

    @Test
    void shouldGiveTheSameCandlesWhenAskedTwiceOrByAnotherInstanceWithTheSameSeed() {
        Instant from = NOW.minus(Duration.ofDays(3));
        List<Kline> a = provider(42).generate("BTC", Timeframe.H1, from, 500, NOW);
        List<Kline> b = provider(42).generate("BTC", Timeframe.H1, from, 500, NOW);
        List<Kline> other = provider(7).generate("BTC", Timeframe.H1, from, 500, NOW);

        assertThat(a).isEqualTo(b);
        assertThat(a.get(10).close()).isNotEqualByComparingTo(other.get(10).close());
        // a later page agrees with the earlier one where they overlap
        List<Kline> later = provider(42).generate("BTC", Timeframe.H1, from.plus(Duration.ofHours(5)), 10, NOW);
        assertThat(later.get(0)).isEqualTo(a.get(5));
    }

    @Test
    void shouldEndWithTheOnlyFormingCandleWhenAskedUpToNow() {
        List<Kline> candles = provider(42).generate("ETH", Timeframe.H1, NOW.minus(Duration.ofHours(24)), 1000, NOW);

        Kline last = candles.get(candles.size() - 1);
        assertThat(last.openTime()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(last.closeTime()).isAfterOrEqualTo(NOW); // still forming: ingestion drops it
        assertThat(candles.subList(0, candles.size() - 1))
                .allSatisfy(k -> assertThat(k.closeTime()).isBefore(NOW));
        assertThat(candles).hasSize(24); // 11:00 yesterday … 10:00 today
    }

    @Test
    void shouldKeepOhlcInvariantsAndContinuityWhenGeneratingAYear() {
        List<Kline> candles = provider(42).generate("SOL", Timeframe.H1, NOW.minus(Duration.ofDays(365)), 9000, NOW);

        for (int i = 0; i < candles.size(); i++) {
            Kline k = candles.get(i);
            assertThat(k.inconsistency()).as("candle %s", k.openTime()).isNull();
            assertThat(k.low().signum()).isPositive();
            assertThat(k.high()).isGreaterThanOrEqualTo(k.open().max(k.close()));
            assertThat(k.low()).isLessThanOrEqualTo(k.open().min(k.close()));
            assertThat(k.volume().signum()).isPositive();
            if (i > 0) {
                assertThat(k.open()).isEqualByComparingTo(candles.get(i - 1).close());
            }
        }
    }

    @Test
    void shouldMoveLikeACryptoAssetWhenMeasuredOverAYear() {
        List<Kline> candles = provider(42).generate("BTC", Timeframe.H1, NOW.minus(Duration.ofDays(365)), 9000, NOW);

        double sum = 0;
        double sumSq = 0;
        double maxAbs = 0;
        int n = candles.size() - 1; // the forming candle is left out
        for (int i = 0; i < n; i++) {
            double r = Math.log(
                    candles.get(i).close().doubleValue() / candles.get(i).open().doubleValue());
            sum += r;
            sumSq += r * r;
            maxAbs = Math.max(maxAbs, Math.abs(r));
        }
        double sd = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
        double annualised = sd * Math.sqrt(24 * 365);
        assertThat(annualised).isBetween(0.25, 1.5); // BTC has lived between ~30 % and ~100 %
        assertThat(maxAbs).isLessThan(0.15); // no 15 % hourly candle
        double first = candles.get(0).open().doubleValue();
        double last = candles.get(n - 1).close().doubleValue();
        assertThat(last / first).isBetween(0.1, 10.0);
    }

    /**
     * The demo seeds 500 candles of 1h, 4h and 1d, then keeps ingesting: over that span and years beyond, BTC, ETH and
     * SOL stay near their real levels (the walk used to drift without bound: BTC at $1.09M after the seeded history).
     */
    @Test
    void shouldStayNearRealPriceLevelsWhenWalkingForYears() {
        SimulatedCandleProvider provider = provider(42);
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        for (String symbol : List.of("BTC", "ETH", "SOL")) {
            double level = provider.basePrice(symbol);
            for (Kline k :
                    provider.generate(symbol, Timeframe.D1, now.minus(Duration.ofDays(3 * 365)), 3 * 365 + 1, now)) {
                assertThat(k.low().doubleValue() / level)
                        .as("%s low at %s", symbol, k.openTime())
                        .isGreaterThan(0.5);
                assertThat(k.high().doubleValue() / level)
                        .as("%s high at %s", symbol, k.openTime())
                        .isLessThan(2.0);
                assertThat(k.baseVolume().signum()).isPositive();
                assertThat(k.quoteVolume().signum()).isPositive();
                assertThat(k.volume())
                        .isEqualByComparingTo(k.quoteVolume().setScale(2, java.math.RoundingMode.HALF_EVEN));
            }
            // hourly over the seeded length (500 candles) before and after today
            for (Kline k : provider.generate(
                    symbol, Timeframe.H1, now.minus(Duration.ofHours(500)), 1000, now.plus(Duration.ofHours(500)))) {
                assertThat(k.close().doubleValue() / level)
                        .as("%s close at %s", symbol, k.openTime())
                        .isBetween(0.5, 2.0);
            }
        }
        assertThat(provider.basePrice("BTC")).isBetween(40_000.0, 150_000.0);
        assertThat(provider.basePrice("ETH")).isBetween(1_000.0, 6_000.0);
        assertThat(provider.basePrice("SOL")).isBetween(50.0, 300.0);
        // the bound holds by construction: every octave's noise lies in [-1, 1]
        assertThat(Math.exp(SimulatedCandleProvider.MAX_LOG_DEVIATION)).isLessThan(1.9);
    }
}
