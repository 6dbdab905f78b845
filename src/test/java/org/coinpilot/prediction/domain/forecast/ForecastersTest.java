package org.coinpilot.prediction.domain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The baseline forecasters and the walk-forward scores on series whose answers are known. */
class ForecastersTest {

    /** A price path from log returns, starting at 100. */
    static double[] path(double[] returns) {
        double[] closes = new double[returns.length + 1];
        closes[0] = 100;
        for (int i = 0; i < returns.length; i++) {
            closes[i + 1] = closes[i] * Math.exp(returns[i]);
        }
        return closes;
    }

    /** Log returns of an AR(1) process r_t = phi r_{t-1} + noise (fixed seed: the same series every run). */
    static double[] ar1(int n, double phi, long seed) {
        Random random = new Random(seed);
        double[] r = new double[n];
        for (int i = 1; i < n; i++) {
            r[i] = phi * r[i - 1] + 0.01 * random.nextGaussian();
        }
        return r;
    }

    static WalkForward.Metrics score(Forecaster forecaster, double[] closes, int from, int horizon) {
        double[] logs = WalkForward.logs(closes);
        return WalkForward.evaluate(
                forecaster, closes, logs, EwmaVolatility.series(logs), from, closes.length, horizon);
    }

    @Test
    void shouldForecastAConstantGrowthExactlyWithDrift() {
        double[] returns = new double[300];
        java.util.Arrays.fill(returns, 0.002);
        double[] closes = path(returns);
        double[] logs = WalkForward.logs(closes);
        assertThat(new DriftForecaster(30).logReturn(logs, 200, 3)).isCloseTo(0.006, within(1e-12));
        WalkForward.Metrics drift = score(new DriftForecaster(0), closes, 100, 1);
        assertThat(drift.mae()).isLessThan(1e-9);
        assertThat(drift.mase()).isLessThan(1e-9);
        assertThat(drift.directionalAccuracy()).isEqualTo(1.0);
    }

    @Test
    void shouldScoreTheNaiveForecastAsExactlyOneMaseWithoutADirection() {
        double[] closes = path(ar1(400, 0.3, 7));
        WalkForward.Metrics naive = score(new NaiveForecaster(), closes, 100, 1);
        assertThat(naive.mase()).isEqualTo(1.0);
        assertThat(naive.mae()).isEqualTo(naive.naiveMae());
        assertThat(naive.directionalAccuracy()).isNull();
        assertThat(naive.directionalPValue()).isNull();
    }

    @Test
    void shouldBeatTheNaiveForecastWithRidgeWhenReturnsAreAutocorrelated() {
        double[] closes = path(ar1(1500, 0.5, 42));
        WalkForward.Metrics ridge = score(new RidgeForecaster(3, 0.1, 500), closes, 1000, 1);
        WalkForward.Metrics drift = score(new DriftForecaster(90), closes, 1000, 1);
        assertThat(ridge.mase()).isLessThan(0.95);
        assertThat(ridge.mase()).isLessThan(drift.mase());
        assertThat(ridge.directionalAccuracy()).isGreaterThan(0.6);
        assertThat(ridge.directionalPValue()).isLessThan(0.001);
    }

    @Test
    void shouldNotFindAnEdgeOnARandomWalk() {
        double[] closes = path(ar1(1500, 0.0, 5));
        WalkForward.Metrics ridge = score(new RidgeForecaster(5, 1.0, 500), closes, 1000, 1);
        assertThat(ridge.mase()).isGreaterThan(0.97);
        assertThat(ridge.directionalPValue()).isGreaterThan(0.05);
    }

    @Test
    void shouldComputeTheOneSidedBinomialPValueOfTheDirectionalHits() {
        // 60 up moves and 40 down moves, a forecaster that always says "up": 60 hits of 100
        double[] returns = new double[100];
        for (int i = 0; i < 100; i++) {
            returns[i] = i < 60 ? 0.01 : -0.01;
        }
        double[] closes = path(returns);
        Forecaster up = new Forecaster() {
            public String method() {
                return "up";
            }

            public Map<String, Object> configuration() {
                return Map.of();
            }

            public int warmUp(int horizon) {
                return 0;
            }

            public double logReturn(double[] logCloses, int t, int horizon) {
                return 0.001;
            }
        };
        WalkForward.Metrics metrics = score(up, closes, 0, 1);
        assertThat(metrics.count()).isEqualTo(100);
        assertThat(metrics.directionalAccuracy()).isEqualTo(0.6);
        // P(X >= 60), X ~ Binomial(100, 0.5) = 0.0284439668... (e.g. R: pbinom(59, 100, 0.5, lower.tail = FALSE))
        assertThat(metrics.directionalPValue()).isCloseTo(0.028443966820490392, within(1e-12));
    }

    @Test
    void shouldNotLookAheadWhenLaterCandlesChange() {
        double[] closes = path(ar1(800, 0.4, 11));
        double[] changed = closes.clone();
        for (int i = 601; i < changed.length; i++) {
            changed[i] = changed[i] * 3; // everything after the origin is different
        }
        for (Forecaster forecaster :
                new Forecaster[] {new DriftForecaster(90), new DriftForecaster(0), new RidgeForecaster(5, 1.0, 500)}) {
            for (int horizon : new int[] {1, 5}) {
                assertThat(forecaster.logReturn(WalkForward.logs(changed), 600, horizon))
                        .as(forecaster.configuration() + " h" + horizon)
                        .isEqualTo(forecaster.logReturn(WalkForward.logs(closes), 600, horizon));
            }
        }
    }

    @Test
    void shouldKnowTheVolatilityOfConstantReturnsExactly() {
        double[] returns = new double[100];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = i % 2 == 0 ? 0.02 : -0.02; // |r| = 0.02 always
        }
        double[] sigma = EwmaVolatility.series(WalkForward.logs(path(returns)));
        assertThat(sigma[EwmaVolatility.SEED - 1]).isNaN();
        assertThat(sigma[50]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void shouldKeepValidationOutcomesBeforeTheHeldOutPart() {
        Training.Split split = Training.split(1000, 5, 0.2);
        assertThat(split.heldOutFrom()).isEqualTo(995 - 199);
        int lastValidationOrigin = split.heldOutFrom() - 5 - 1;
        assertThat(lastValidationOrigin + 5).isLessThan(split.heldOutFrom());
        assertThat(split.validationFrom()).isLessThan(lastValidationOrigin);
    }

    @Test
    void shouldChooseOnValidationAndReadTheChoiceBackFromItsConfiguration() {
        double[] closes = path(ar1(1200, 0.5, 3));
        Training training = new Training(closes, 1, 0.2);
        Training.Result ridge = training.train("ridge");
        assertThat(ridge.validationMae()).hasSize(Forecasters.grid("ridge").size());
        assertThat(ridge.heldOut().count())
                .isEqualTo(closes.length - 1 - training.split().heldOutFrom());
        assertThat(ridge.heldOut().mase()).isLessThan(1.0);
        Forecaster again =
                Forecasters.fromConfiguration(Map.copyOf(ridge.chosen().configuration()));
        assertThat(training.heldOut(again).mae()).isEqualTo(ridge.heldOut().mae());
        assertThat(Forecasters.fromConfiguration(Map.of("method", "lstm"))).isNull();
        assertThat(Forecasters.fromConfiguration(Map.of("method", "drift", "window", -1)))
                .isNull();
    }
}
