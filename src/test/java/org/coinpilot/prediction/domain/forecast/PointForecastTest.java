package org.coinpilot.prediction.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.prediction.domain.VolatilityLevel;
import org.junit.jupiter.api.Test;

/** The forecast of a prediction by hand: naive price, EWMA interval, calibrated confidence and volatility level. */
class PointForecastTest {

    /** Closes alternating 100 and 100·e^0.03: every one-candle log return is ±0.03, so the EWMA σ is 0.03. */
    static double[] alternating(int n) {
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = i % 2 == 0 ? 100.0 : 100.0 * Math.exp(0.03);
        }
        return closes;
    }

    static Instant[] days(int n) {
        Instant[] times = new Instant[n];
        for (int i = 0; i < n; i++) {
            times[i] = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i);
        }
        return times;
    }

    @Test
    void shouldForecastTheLastCloseWithTheEwmaIntervalAndTheChanceOfBeingWithinTheThreshold() {
        double[] closes = alternating(41);
        PointForecast.Result r = PointForecast.of(new NaiveForecaster(), closes, days(41), 1, 2.0);

        assertThat(r.predicted()).isEqualTo(100.0); // index 40 is even
        assertThat(r.inputClose()).isEqualTo(100.0);
        assertThat(r.sigma()).isCloseTo(0.03, within(1e-12));
        // 95 %: 100 · exp(∓1.959963984540054 · 0.03)
        assertThat(r.lower()).isCloseTo(94.28963481, within(1e-6));
        assertThat(r.upper()).isCloseTo(106.05619610, within(1e-6));
        // Φ(−ln 0.98 / 0.03) + Φ(ln 1.02 / 0.03) − 1, by hand with erf: 0.4950622580874886
        assertThat(r.confidence()).isCloseTo(0.4950622580874886, within(1e-9));
        assertThat(r.featuresUsed()).containsExactly("close", "ewma_volatility");
        assertThat(r.inputFeatures())
                .containsEntry("close", 100.0)
                .containsEntry("candleTime", "2024-02-10T00:00:00Z")
                .containsEntry("candles", 41);
    }

    @Test
    void shouldNameTheInputsOfDriftAndRidge() {
        double[] closes = alternating(60);
        PointForecast.Result drift = PointForecast.of(new DriftForecaster(30), closes, days(60), 1, 2.0);
        assertThat(drift.featuresUsed()).containsExactly("close", "mean_log_return", "ewma_volatility");
        assertThat(drift.inputFeatures()).containsEntry("window", 30).containsEntry("mean_log_return", 0.0);

        PointForecast.Result ridge = PointForecast.of(new RidgeForecaster(3, 1.0, 500), closes, days(60), 1, 2.0);
        assertThat(ridge.featuresUsed())
                .containsExactly("close", "log_return_lag1", "log_return_lag2", "log_return_lag3", "ewma_volatility");
        // index 59 is odd: the last return is +0.03, the one before −0.03
        assertThat((Double) ridge.inputFeatures().get("log_return_lag1")).isCloseTo(0.03, within(1e-12));
        assertThat((Double) ridge.inputFeatures().get("log_return_lag2")).isCloseTo(-0.03, within(1e-12));
    }

    @Test
    void shouldGrowLessConfidentWithTheHorizonAndBeCertainWithoutVolatility() {
        // s = 0.03 · √3: Φ(−ln 0.98 / s) + Φ(ln 1.02 / s) − 1 = 0.29972...
        assertThat(PointForecast.confidence(2.0, 0.03, 3)).isCloseTo(0.2997245, within(1e-6));
        assertThat(PointForecast.confidence(2.0, 0.0, 1)).isEqualTo(1.0);
        // the agreed symmetric form 2Φ(ln 1.02 / s) − 1 is never above it
        assertThat(PointForecast.confidence(2.0, 0.02, 1)).isGreaterThanOrEqualTo(0.6778900853866636);
    }

    @Test
    void shouldClassifyTheAnnualisedVolatility() {
        // daily σ 0.02 → 0.38 a year: low; 0.03 → 0.57: medium; 0.06 → 1.15: high
        assertThat(PointForecast.level(0.02, Timeframe.D1, 0.5, 1.0)).isEqualTo(VolatilityLevel.LOW);
        assertThat(PointForecast.level(0.03, Timeframe.D1, 0.5, 1.0)).isEqualTo(VolatilityLevel.MEDIUM);
        assertThat(PointForecast.level(0.06, Timeframe.D1, 0.5, 1.0)).isEqualTo(VolatilityLevel.HIGH);
        // hourly σ 0.01 → 0.01 · √8760 = 0.94 a year: medium
        assertThat(PointForecast.annualised(0.01, Timeframe.H1)).isCloseTo(0.935949, within(1e-6));
    }
}
