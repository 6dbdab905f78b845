package org.coinpilot.market.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The weight budget and pauses of {@link ProviderGate}, on a hand-moved clock. */
class ProviderGateTest {

    final AtomicLong now = new AtomicLong(10 * 60_000L + 10_000); // 10 s into a minute
    final ProviderGate gate = new ProviderGate("binance", 4800, Duration.ofSeconds(60), now::get);

    @Test
    void shouldWaitForTheNextMinuteWhenTheReportedWeightLeavesNoRoom() {
        gate.onResponse(200, "4799", null);

        assertThat(gate.waitMillis(2)).isEqualTo(50_000);
        now.addAndGet(50_000); // the next minute: the budget is fresh
        assertThat(gate.waitMillis(2)).isZero();
    }

    @Test
    void shouldCountOwnCallsAgainstTheBudgetWhenTheProviderReportsLess() {
        gate.onResponse(200, "4790", null);
        for (int i = 0; i < 5; i++) {
            assertThat(gate.waitMillis(2)).isZero();
        }
        assertThat(gate.waitMillis(2)).isEqualTo(50_000);
    }

    @Test
    void shouldPauseForRetryAfterWhenAnswered429AndRefuseWhenBannedBy418() {
        gate.onResponse(429, null, "3");
        assertThat(gate.waitMillis(1)).isEqualTo(3_000);

        gate.onResponse(418, null, "120");
        assertThatThrownBy(() -> gate.waitMillis(1)).isInstanceOf(ProviderPausedException.class);
        assertThat(gate.banRemaining()).isEqualTo(Duration.ofSeconds(120));
    }
}
