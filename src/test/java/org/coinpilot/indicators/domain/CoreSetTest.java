package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreSetTest {

    @Test
    void shouldEqualPerIndicatorBatchBitForBitWhenComputingTheFusedPass() {
        for (int len : new int[] {0, 1, 2, 14, 15, 19, 20, 25, 26, 33, 34, 35, 500}) {
            for (long seed = 1; seed <= 5; seed++) {
                Candles c = TestSeries.randomWalk(seed, len);
                List<IndicatorResult> fused = CoreSet.compute(c).toResults();
                for (int s = 0; s < CoreSet.SPECS.size(); s++) {
                    IndicatorSpec spec = CoreSet.SPECS.get(s);
                    IndicatorResult single = spec.compute(c);
                    for (int j = 0; j < spec.outputs().size(); j++) {
                        assertThat(fused.get(s).outputs()[j])
                                .as(
                                        "%s output %s, %d bars",
                                        spec.key(), spec.outputs().get(j), len)
                                .containsExactly(single.outputs()[j]);
                    }
                }
            }
        }
    }

    @Test
    void shouldListTheSixCoreSpecsWhenAskedForTheCoreSet() {
        assertThat(CoreSet.SPECS)
                .extracting(IndicatorSpec::key)
                .containsExactly("sma_20", "ema_20", "rsi_14", "macd_12_26_9", "bb_20_2", "atr_14");
    }
}
