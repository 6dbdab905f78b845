package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental form against the batch form on random series: identical doubles at every bar. */
class IncrementalConsistencyTest {

    @Test
    void shouldEqualBatchBitForBitAtEveryBarWhenUpdatingOneCandleAtATime() {
        for (long seed = 1; seed <= 20; seed++) {
            Candles c = TestSeries.randomWalk(seed, 400);
            for (String key : TestSeries.KEYS) {
                IndicatorSpec spec = IndicatorSpec.parse(key);
                IndicatorResult batch = spec.compute(c);
                IndicatorState state = spec.newState(c.interval());
                for (int i = 0; i < c.size(); i++) {
                    state.update(c, i);
                    for (int j = 0; j < spec.outputs().size(); j++) {
                        assertThat(Double.doubleToRawLongBits(state.value(j)))
                                .as(
                                        "%s seed %d bar %d output %s",
                                        key, seed, i, spec.outputs().get(j))
                                .isEqualTo(Double.doubleToRawLongBits(batch.outputs()[j][i]));
                    }
                }
                assertThat(state.snapshot()).as(key).isEqualTo(batch.state().snapshot());
            }
        }
    }

    @Test
    void shouldContinueExactlyWhenStateComesFromABatchRunOnAPrefix() {
        Random rnd = new Random(7);
        for (long seed = 1; seed <= 10; seed++) {
            Candles c = TestSeries.randomWalk(seed, 300);
            for (String key : TestSeries.KEYS) {
                IndicatorSpec spec = IndicatorSpec.parse(key);
                IndicatorResult full = spec.compute(c);
                int cut = rnd.nextInt(c.size() + 1);
                IndicatorState state = spec.compute(prefix(c, cut)).state();
                assertThat(state.count()).isEqualTo(cut);
                for (int i = cut; i < c.size(); i++) {
                    state.update(c, i);
                    for (int j = 0; j < spec.outputs().size(); j++) {
                        assertThat(Double.doubleToRawLongBits(state.value(j)))
                                .as("%s seed %d cut %d bar %d", key, seed, cut, i)
                                .isEqualTo(Double.doubleToRawLongBits(full.outputs()[j][i]));
                    }
                }
            }
        }
    }

    @Test
    void shouldContinueExactlyWhenStateIsRestoredFromItsSnapshot() {
        Random rnd = new Random(11);
        for (long seed = 1; seed <= 10; seed++) {
            Candles c = TestSeries.randomWalk(seed, 300);
            for (String key : TestSeries.KEYS) {
                IndicatorSpec spec = IndicatorSpec.parse(key);
                IndicatorResult full = spec.compute(c);
                IndicatorState state = spec.newState(c.interval());
                int cut = rnd.nextInt(c.size());
                for (int i = 0; i < c.size(); i++) {
                    state.update(c, i);
                    if (i == cut) {
                        IndicatorSnapshot snap = state.snapshot();
                        for (double d : snap.scalars()) {
                            assertThat(d).as("%s snapshot scalar", key).isFinite();
                        }
                        IndicatorState restored = IndicatorSpec.restore(snap);
                        for (int j = 0; j < spec.outputs().size(); j++) {
                            assertThat(Double.doubleToRawLongBits(restored.value(j)))
                                    .isEqualTo(Double.doubleToRawLongBits(state.value(j)));
                        }
                        state = restored;
                    }
                    for (int j = 0; j < spec.outputs().size(); j++) {
                        assertThat(Double.doubleToRawLongBits(state.value(j)))
                                .as("%s seed %d cut %d bar %d", key, seed, cut, i)
                                .isEqualTo(Double.doubleToRawLongBits(full.outputs()[j][i]));
                    }
                }
            }
        }
    }

    @Test
    void shouldRejectSnapshotWhenItsShapeDoesNotMatchTheKey() {
        IndicatorSnapshot snap = IndicatorSpec.parse("sma_20")
                .compute(TestSeries.randomWalk(1, 50))
                .state()
                .snapshot();
        IndicatorSnapshot wrong = new IndicatorSnapshot("sma_10", snap.count(), snap.scalars(), snap.window());
        assertThatThrownBy(() -> IndicatorSpec.restore(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sma_10");
    }

    static Candles prefix(Candles c, int n) {
        return new Candles(
                java.util.Arrays.copyOf(c.open(), n),
                java.util.Arrays.copyOf(c.high(), n),
                java.util.Arrays.copyOf(c.low(), n),
                java.util.Arrays.copyOf(c.close(), n),
                java.util.Arrays.copyOf(c.volume(), n),
                c.time() == null ? null : java.util.Arrays.copyOf(c.time(), n),
                c.interval());
    }
}
