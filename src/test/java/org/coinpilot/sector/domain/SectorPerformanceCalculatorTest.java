package org.coinpilot.sector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.sector.domain.SectorPerformanceCalculator.Figures;
import org.coinpilot.sector.domain.SectorPerformanceCalculator.Member;
import org.junit.jupiter.api.Test;

/**
 * The weighting worked out by hand (docs/sectors.md, "Performance"). Members: A (market cap 1000, 100 % in the
 * sector, +10 % / +20 % / n/a over 24 h / 7 d / 30 d), B (market cap 3000, 50 %, -2 % / +4 % / -10 %), C (no market
 * cap, 100 %, +5 % over 24 h). Weights A = 1000 × 100 % = 1000, B = 3000 × 50 % = 1500; C has none.
 */
class SectorPerformanceCalculatorTest {

    static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    static Member member(
            String symbol,
            String cap,
            String allocation,
            String r24,
            String r7,
            String r30,
            String volume,
            String previousVolume) {
        return new Member(
                new AssetMove(
                        symbol.hashCode(), symbol, d(cap), d(r24), d(r7), d(r30), d(volume), d(previousVolume), T),
                new BigDecimal(allocation));
    }

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static final List<Member> SECTOR = List.of(
            member("A", "1000", "100", "10", "20", null, "200", "100"),
            member("B", "3000", "50", "-2", "4", "-10", "400", "500"),
            member("C", null, "100", "5", null, null, null, null));

    @Test
    void shouldWeightEachPeriodByMarketCapTimesAllocationWhenMembersHaveBoth() {
        Figures f = SectorPerformanceCalculator.compute(SECTOR, 2);

        // 24 h: (1000 × 10 + 1500 × -2) / 2500 = 7000 / 2500 = 2.8 (C has no market cap: not weighted)
        assertThat(f.performance24h()).isEqualByComparingTo("2.8000");
        // 7 d: (1000 × 20 + 1500 × 4) / 2500 = 26000 / 2500 = 10.4
        assertThat(f.performance7d()).isEqualByComparingTo("10.4000");
        // 30 d: only B has a change: -10
        assertThat(f.performance30d()).isEqualByComparingTo("-10.0000");
        assertThat(f.performance24h().scale()).isEqualTo(4);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> weighting =
                (Map<String, Map<String, Object>>) f.metrics().get("weighting");
        assertThat(weighting.get("24h")).containsEntry("members", 2).containsEntry("of", 3);
        assertThat(weighting.get("30d")).containsEntry("members", 1);
        assertThat(f.metrics().get("withoutMarketCap")).isEqualTo(List.of("C"));
    }

    @Test
    void shouldComputeMarketCapAndVolumeChangeOfTheAllocatedShareWhenKnown() {
        Figures f = SectorPerformanceCalculator.compute(SECTOR, 2);

        // market cap now 1000 + 1500 = 2500; 24 h ago 1000 / 1.10 + 1500 / 0.98 = 2439.7031...; +2.4715 %
        assertThat(f.marketCapChange()).isEqualByComparingTo("2.4715");
        assertThat(f.metrics()).containsEntry("marketCapUsd", "2500.00");
        // volume now 200 + 400 × 50 % = 400; before 100 + 500 × 50 % = 350; +14.2857 %
        assertThat(f.volumeChange()).isEqualByComparingTo("14.2857");
        assertThat(f.metrics())
                .containsEntry("volume24hUsd", "400.00")
                .containsEntry("volumePrev24hUsd", "350.00")
                .containsEntry("volumeMembers", 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountBreadthAndNameLeadersAndLaggardsWhenMembersMoved() {
        Figures f = SectorPerformanceCalculator.compute(SECTOR, 2);

        Map<String, Object> breadth = (Map<String, Object>) f.metrics().get("breadth");
        assertThat(breadth)
                .containsEntry("advancers", 2L)
                .containsEntry("decliners", 1L)
                .containsEntry("unchanged", 0L)
                .containsEntry("ratio", 0.6667);
        List<Map<String, Object>> leaders =
                (List<Map<String, Object>>) f.metrics().get("leaders");
        List<Map<String, Object>> laggards =
                (List<Map<String, Object>>) f.metrics().get("laggards");
        assertThat(leaders).extracting(m -> m.get("symbol")).containsExactly("A", "C");
        assertThat(laggards).extracting(m -> m.get("symbol")).containsExactly("B", "C");
        assertThat(leaders.get(0)).containsEntry("weightPercent", "40.0000").containsEntry("change24h", "10");
        assertThat(leaders.get(1)).containsEntry("weightPercent", null);
    }

    @Test
    void shouldGiveNothingWhenNoMemberHasAMarketCapOrAMove() {
        Figures f =
                SectorPerformanceCalculator.compute(List.of(member("X", null, "100", null, null, null, null, null)), 3);

        assertThat(f.empty()).isTrue();
        assertThat(f.performance24h()).isNull();
    }

    @Test
    void shouldLeaveOutAValueBeyondTheColumnWhenAVolumeExplodes() {
        Figures f = SectorPerformanceCalculator.compute(
                List.of(member("Y", "10", "100", "1", null, null, "1000000000", "0.001")), 3);

        assertThat(f.volumeChange()).isNull();
        assertThat(f.performance24h()).isEqualByComparingTo("1");
        assertThat(f.metrics().get("notStored").toString()).contains("volumeChange");
    }
}
