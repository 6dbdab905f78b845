package org.coinpilot.sector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.coinpilot.sector.domain.RotationRules.Rotation;
import org.coinpilot.sector.domain.RotationRules.Snapshot;
import org.coinpilot.sector.domain.RotationRules.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the rotation method (docs/sectors.md, "Rotation") on crafted snapshots. The base case: capital leaves
 * A (7 d -4 %, volume -5 %) for B (7 d +8 %, volume +25 %): spread 12 points, flow spread 30 points, every
 * confirmation passes; strength = 0.6 × 12/20 + 0.4 × 30/100 = 0.48, confidence = 5/5 × coverage 1 = 1.
 */
class RotationRulesTest {

    static final Thresholds T = new Thresholds(5, 10, 20, 100, 10);

    static Snapshot s(
            long id,
            Double p24,
            Double p7,
            Double p30,
            Double volume,
            Double breadth,
            Double coverage,
            Double previous7d) {
        return new Snapshot(id, "S" + id, p24, p7, p30, volume, breadth, coverage, previous7d);
    }

    static final Snapshot A = s(1, -1.0, -4.0, 0.0, -5.0, 0.3, 1.0, -2.0);
    static final Snapshot B = s(2, 2.0, 8.0, 6.0, 25.0, 0.7, 1.0, 1.0);

    static Rotation base(Snapshot to) {
        return RotationRules.pair(A, to, RotationRules.average(List.of(A, to)), T);
    }

    @SuppressWarnings("unchecked")
    static boolean passed(Rotation r, String rule) {
        Map<String, Object> rules = (Map<String, Object>) r.indicators().get("rules");
        return (Boolean) ((Map<String, Object>) rules.get(rule)).get("passed");
    }

    @Test
    void shouldDetectTheRotationWithEveryConfirmationWhenTheBaseCaseHolds() {
        List<Rotation> found = RotationRules.detect(List.of(A, B), T);

        assertThat(found).hasSize(1);
        Rotation r = found.get(0);
        assertThat(r.fromSectorId()).isEqualTo(1);
        assertThat(r.toSectorId()).isEqualTo(2);
        assertThat(r.strength()).isEqualByComparingTo("0.480000");
        assertThat(r.confidence()).isEqualByComparingTo("1.000000");
        for (String rule : List.of(
                "relativeStrength", "flow", "leadership", "momentum", "acceleration", "breadth", "persistence")) {
            assertThat(passed(r, rule)).as(rule).isTrue();
        }
        assertThat(r.indicators()).containsEntry("confirmations", 5);
    }

    @Test
    void shouldFindNothingWhenTheSevenDaySpreadIsUnderTheGate() {
        Snapshot to = s(2, 2.0, 0.9, 6.0, 25.0, 0.7, 1.0, 1.0); // spread 4.9 < 5
        assertThat(base(to)).isNull();
        assertThat(RotationRules.detect(List.of(A, to), T)).isEmpty();
    }

    @Test
    void shouldFindNothingWhenVolumeDoesNotFlowTowardsTheStrongerSector() {
        Snapshot to = s(2, 2.0, 8.0, 6.0, 4.0, 0.7, 1.0, 1.0); // flow spread 9 < 10
        assertThat(base(to)).isNull();
        Snapshot noVolume = s(2, 2.0, 8.0, 6.0, null, 0.7, 1.0, 1.0);
        assertThat(base(noVolume)).isNull();
    }

    @Test
    void shouldFailLeadershipWhenTheTargetIsNotAboveTheAverage() {
        Rotation r = RotationRules.pair(A, B, 8.0, T); // B is at, not above, the average of all sectors

        assertThat(passed(r, "leadership")).isFalse();
        assertThat(r.confidence()).isEqualByComparingTo("0.800000");
    }

    @Test
    void shouldFailMomentumWhenTheLast24HoursGoTheOtherWay() {
        Rotation r = base(s(2, -2.0, 8.0, 6.0, 25.0, 0.7, 1.0, 1.0)); // 24 h spread -1

        assertThat(passed(r, "momentum")).isFalse();
        assertThat(r.confidence()).isEqualByComparingTo("0.800000");
    }

    @Test
    void shouldFailAccelerationWhenTheSpreadIsAnOldTrend() {
        Rotation r = base(s(2, 2.0, 8.0, 60.0, 25.0, 0.7, 1.0, 1.0)); // 30 d spread 60 → 14 over 7 d > 12

        assertThat(passed(r, "acceleration")).isFalse();
        assertThat(r.confidence()).isEqualByComparingTo("0.800000");
    }

    @Test
    void shouldFailBreadthWhenFewMembersOfTheTargetRose() {
        Rotation r = base(s(2, 2.0, 8.0, 6.0, 25.0, 0.4, 1.0, 1.0));

        assertThat(passed(r, "breadth")).isFalse();
        assertThat(r.confidence()).isEqualByComparingTo("0.800000");
    }

    @Test
    void shouldFailPersistenceWhenThePreviousSnapshotHadTheOrderReversedOrIsMissing() {
        Rotation reversed = base(s(2, 2.0, 8.0, 6.0, 25.0, 0.7, 1.0, -3.0)); // previous spread -1
        Rotation missing = base(s(2, 2.0, 8.0, 6.0, 25.0, 0.7, 1.0, null));

        assertThat(passed(reversed, "persistence")).isFalse();
        assertThat(passed(missing, "persistence")).isFalse();
        assertThat(missing.confidence()).isEqualByComparingTo("0.800000");
    }

    @Test
    void shouldScaleConfidenceByCoverageWhenMembersLackData() {
        Rotation r = base(s(2, 2.0, 8.0, 6.0, 25.0, 0.7, 0.5, 1.0));

        assertThat(r.confidence()).isEqualByComparingTo("0.500000");
        assertThat(r.strength()).isEqualByComparingTo("0.480000");
    }

    @Test
    void shouldSaturateStrengthAtOneWhenSpreadsAreWide() {
        Rotation r = base(s(2, 2.0, 40.0, 6.0, 300.0, 0.7, 1.0, 1.0));

        assertThat(r.strength()).isEqualByComparingTo("1.000000");
    }

    @Test
    void shouldKeepTheStrongestPairsFirstWhenMoreThanTheLimitPass() {
        Snapshot c = s(3, 3.0, 16.0, 6.0, 65.0, 0.8, 1.0, 2.0);
        List<Rotation> all = RotationRules.detect(List.of(A, B, c), T);
        List<Rotation> one = RotationRules.detect(List.of(A, B, c), new Thresholds(5, 10, 20, 100, 1));

        // A→C (spread 20, flow 70): 0.6 + 0.28 = 0.88; B→C (8, 40): 0.24 + 0.16 = 0.40; A→B 0.48
        assertThat(all)
                .extracting(Rotation::fromSectorId, Rotation::toSectorId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 3L),
                        org.assertj.core.groups.Tuple.tuple(1L, 2L),
                        org.assertj.core.groups.Tuple.tuple(2L, 3L));
        assertThat(all.get(0).strength()).isEqualByComparingTo("0.880000");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).toSectorId()).isEqualTo(3);
    }
}
