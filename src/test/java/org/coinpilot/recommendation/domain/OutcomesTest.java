package org.coinpilot.recommendation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.recommendation.domain.Outcomes.Candle;
import org.junit.jupiter.api.Test;

/** What following would have returned, on crafted candles (high, low, close), worked by hand. */
class OutcomesTest {

    static final Instant T = Instant.parse("2026-01-10T12:00:00Z");
    static final Instant END = T.plusSeconds(4 * 3600);

    static List<Candle> candles(String... hlc) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < hlc.length; i++) {
            String[] v = hlc[i].split(" ");
            out.add(new Candle(
                    T.plusSeconds(3600L * i), new BigDecimal(v[0]), new BigDecimal(v[1]), new BigDecimal(v[2])));
        }
        return out;
    }

    static Map<String, Object> plan(String action, String direction, String ref, String quantity, String... more) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("action", action);
        plan.put("direction", direction);
        plan.put("referencePrice", ref);
        plan.put("quantity", quantity);
        for (int i = 0; i < more.length; i += 2) {
            plan.put(more[i], more[i + 1]);
        }
        return plan;
    }

    static Map<String, Object> outcome(Map<String, Object> plan, List<Candle> candles) {
        return Outcomes.outcome(plan, candles, END, END.plusSeconds(7200));
    }

    @Test
    void shouldExitAnEntryAtTheTargetOrStopWhicheverACandleTouchesFirst() {
        Map<String, Object> entry = plan("open", "long", "100", "20", "stop", "95", "target", "110");
        // 2nd candle's high 111 >= 110: target; (110 − 100) / 100 = 10 %, 10 × 20 = 200 USD
        assertThat(outcome(entry, candles("103 98 101", "111 100 108", "90 80 85")))
                .containsEntry("available", true)
                .containsEntry("exitReason", "target_hit")
                .containsEntry("exitPrice", "110")
                .containsEntry("exitCandle", T.plusSeconds(3600).toString())
                .containsEntry("returnPercent", "10")
                .containsEntry("profitUsd", "200")
                .containsEntry("candles", 3)
                .containsEntry("priceAtHorizonEnd", "85");
        // 1st candle's low 94 <= 95: stop; −5 %, −100 USD
        assertThat(outcome(entry, candles("101 94 96", "111 100 108")))
                .containsEntry("exitReason", "stop_hit")
                .containsEntry("returnPercent", "-5")
                .containsEntry("profitUsd", "-100");
        // one candle touches both: the stop is taken
        assertThat(outcome(entry, candles("112 94 100"))).containsEntry("exitReason", "stop_hit");
        // neither: the last close 104; 4 %, 80 USD
        assertThat(outcome(entry, candles("103 98 101", "105 97 104")))
                .containsEntry("exitReason", "horizon_end")
                .containsEntry("exitPrice", "104")
                .containsEntry("returnPercent", "4")
                .containsEntry("profitUsd", "80");
        // a short from 100, stop 105, target 90: low 89 -> +10 %; no sized quantity -> no profit
        assertThat(outcome(
                        plan("open", "short", "100", null, "stop", "105", "target", "90"),
                        candles("101 95 96", "97 89 91")))
                .containsEntry("exitReason", "target_hit")
                .containsEntry("returnPercent", "10")
                .containsEntry("profitUsd", null);
    }

    @Test
    void shouldValueAnExitAsTheLossAvoidedOrTheGainMissed() {
        // close 2 long at 100; the horizon ends at 90: (100 − 90) × 2 = 20 avoided
        assertThat(outcome(plan("close", "long", "100", "2"), candles("101 95 96", "97 89 90")))
                .containsEntry("valueOfFollowingUsd", "20")
                .containsEntry("lossAvoidedUsd", "20")
                .containsEntry("gainMissedUsd", "0")
                .containsEntry("returnPercent", "10");
        // ends at 120: (100 − 120) × 2 = −40, a gain of 40 missed
        assertThat(outcome(plan("close", "long", "100", "2"), candles("121 99 120")))
                .containsEntry("valueOfFollowingUsd", "-40")
                .containsEntry("lossAvoidedUsd", "0")
                .containsEntry("gainMissedUsd", "40");
        // a short closed at 100 that ends at 120: −1 × (100 − 120) × 3 = 60 avoided
        assertThat(outcome(plan("close", "short", "100", "3"), candles("121 99 120")))
                .containsEntry("valueOfFollowingUsd", "60");
    }

    @Test
    void shouldCompareTheSuggestedStopWithHoldingAndValueARebalance() {
        // 10 long from 100 with the stop at 98: low 97 touches it; with it −20, without (end 95) −50: worth 30
        assertThat(outcome(plan("protect", "long", "100", "10", "stop", "98"), candles("100 97 99", "99 94 95")))
                .containsEntry("stopHit", true)
                .containsEntry("profitFollowingUsd", "-20")
                .containsEntry("profitNotFollowingUsd", "-50")
                .containsEntry("valueOfFollowingUsd", "30")
                .containsEntry("returnPercent", "-2");
        // never touched: the same as holding
        assertThat(outcome(plan("protect", "long", "100", "10", "stop", "98"), candles("105 99 104")))
                .containsEntry("stopHit", false)
                .containsEntry("valueOfFollowingUsd", "0");
        // sell 3.33333333 of a long at 300 that ends at 330: −3.33333333 × 30 = −99.9999999 USD
        assertThat(outcome(plan("resize", "long", "300", "10", "quantityDelta", "-3.33333333"), candles("331 299 330")))
                .containsEntry("valueOfFollowingUsd", "-99.9999999")
                .containsEntry("returnPercent", "10");
    }

    @Test
    void shouldSayWhyWhenThereIsNothingToComputeFrom() {
        assertThat(outcome(plan("close", "long", "100", "2"), List.of()))
                .containsEntry("available", false)
                .containsEntry("reason", "no candle is stored in the horizon");
        assertThat(outcome(null, candles("1 1 1"))).containsEntry("available", false);
    }
}
