package org.coinpilot.ops.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formula of docs/operations.md "Health score". */
class HealthScoreTest {

    static HealthScore.Inputs healthy() {
        return new HealthScore.Inputs(true, 5, 0.3, 10, 0, 1000, 0, 30, 0, 3, 0);
    }

    @Test
    void shouldScore100WhenEverythingIsHealthy() {
        assertThat(HealthScore.compute(healthy())).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldScore0WhenTheDatabaseIsDown() {
        assertThat(HealthScore.compute(new HealthScore.Inputs(false, 5, 0.3, 10, 0, 1000, 0, 30, 0, 3, 0)))
                .isEqualByComparingTo("0.00");
    }

    @Test
    void shouldTakeOffTheWeightedSharesWhenApiErrorsDataAndModelsDegrade() {
        // 5.5 % 5xx: api factor 0.5 -> -7.5; half the series stale -> -5; one model of two stale -> -2.5
        assertThat(HealthScore.compute(new HealthScore.Inputs(true, 5, 0.3, 10, 0, 1000, 55, 30, 15, 2, 1)))
                .isEqualByComparingTo("85.00");
        // one failing job of four -> -2.5; 525 ms -> latency factor 0.5 -> -7.5
        assertThat(HealthScore.compute(new HealthScore.Inputs(true, 525, 0.3, 4, 1, 0, 0, 0, 0, 0, 0)))
                .isEqualByComparingTo("90.00");
    }
}
