package org.coinpilot.sector.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capital rotation between sectors, from their latest performance snapshots (docs/sectors.md, "Rotation"). Every
 * ordered pair (from A, to B) of sectors is tested:
 *
 * <ul>
 *   <li><b>G1 relative strength</b> (gate): B's 7-day performance exceeds A's by at least {@code minSpread7d}
 *       percentage points;
 *   <li><b>G2 flow</b> (gate): B's volume change exceeds A's by at least {@code minFlowSpread} points (trading
 *       moves towards B);
 *   <li><b>C1 leadership</b>: B is above and A below the average 7-day performance of all sectors;
 *   <li><b>C2 momentum</b>: B also beats A over the last 24 h;
 *   <li><b>C3 acceleration</b>: the 7-day spread is wider than the 30-day spread scaled to 7 days (× 7/30): the move
 *       is recent, not an old trend;
 *   <li><b>C4 breadth</b>: at least half of B's members rose over 24 h, and at most half of A's;
 *   <li><b>C5 persistence</b>: the previous snapshot (at least a day older) already had B ahead of A over 7 days.
 * </ul>
 *
 * A pair passing both gates is a rotation. {@code rotation_strength = 0.6 × min(1, spread7d / strongSpread7d) + 0.4
 * × min(1, flowSpread / strongFlowSpread)}; {@code confidence = (confirmations passed / 5) × coverage}, where coverage
 * is the smaller share of the two sectors' members that had a 7-day change and a market cap. A rule that cannot be
 * evaluated (a missing value) does not pass. Both are in 0–1, rounded HALF_EVEN to 6 decimals.
 */
public final class RotationRules {

    /** The thresholds (coinpilot.sector.rotation.*). */
    public record Thresholds(
            double minSpread7d, double minFlowSpread, double strongSpread7d, double strongFlowSpread, int maxPairs) {}

    /**
     * A sector's latest snapshot, percent figures as doubles (statistics, not money); any may be null.
     *
     * @param breadth share of members up over 24 h, 0–1
     * @param coverage share of members counted in the 7-day weighting, 0–1
     * @param previous7d the 7-day performance of the previous snapshot at least a day older; null without one
     */
    public record Snapshot(
            long sectorId,
            String name,
            Double performance24h,
            Double performance7d,
            Double performance30d,
            Double volumeChange,
            Double breadth,
            Double coverage,
            Double previous7d) {}

    /** A detected rotation with its indicators (each rule's inputs and outcome). */
    public record Rotation(
            long fromSectorId,
            long toSectorId,
            BigDecimal strength,
            BigDecimal confidence,
            Map<String, Object> indicators) {}

    private RotationRules() {}

    /** The rotations among {@code sectors}, strongest first, at most {@code maxPairs}. */
    public static List<Rotation> detect(List<Snapshot> sectors, Thresholds t) {
        Double average7d = average(sectors);
        List<Rotation> found = new ArrayList<>();
        for (Snapshot from : sectors) {
            for (Snapshot to : sectors) {
                if (from.sectorId() != to.sectorId()) {
                    Rotation r = pair(from, to, average7d, t);
                    if (r != null) {
                        found.add(r);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Rotation::strength)
                .reversed()
                .thenComparing(Rotation::confidence, Comparator.reverseOrder())
                .thenComparing(Rotation::fromSectorId)
                .thenComparing(Rotation::toSectorId));
        return found.size() > t.maxPairs() ? List.copyOf(found.subList(0, t.maxPairs())) : found;
    }

    /** The rotation from {@code from} to {@code to}, or null when a gate fails. */
    public static Rotation pair(Snapshot from, Snapshot to, Double average7d, Thresholds t) {
        Double spread7d = difference(to.performance7d(), from.performance7d());
        Double flowSpread = difference(to.volumeChange(), from.volumeChange());
        Map<String, Object> rules = new LinkedHashMap<>();
        boolean g1 = spread7d != null && spread7d >= t.minSpread7d();
        boolean g2 = flowSpread != null && flowSpread >= t.minFlowSpread();
        rules.put("relativeStrength", rule(g1, kv("spread7d", n(spread7d), "threshold", t.minSpread7d())));
        rules.put("flow", rule(g2, kv("volumeChangeSpread", n(flowSpread), "threshold", t.minFlowSpread())));
        if (!g1 || !g2) {
            return null;
        }
        boolean c1 = average7d != null && to.performance7d() > average7d && from.performance7d() < average7d;
        rules.put("leadership", rule(c1, kv("average7d", n(average7d))));
        Double spread24h = difference(to.performance24h(), from.performance24h());
        boolean c2 = spread24h != null && spread24h > 0;
        rules.put("momentum", rule(c2, kv("spread24h", n(spread24h))));
        Double spread30d = difference(to.performance30d(), from.performance30d());
        boolean c3 = spread30d != null && spread7d > spread30d * 7.0 / 30.0;
        rules.put(
                "acceleration",
                rule(
                        c3,
                        kv(
                                "spread30d",
                                n(spread30d),
                                "spread30dScaledTo7d",
                                n(spread30d == null ? null : spread30d * 7.0 / 30.0))));
        boolean c4 = to.breadth() != null && from.breadth() != null && to.breadth() >= 0.5 && from.breadth() <= 0.5;
        rules.put("breadth", rule(c4, kv("toBreadth", n(to.breadth()), "fromBreadth", n(from.breadth()))));
        Double previousSpread = difference(to.previous7d(), from.previous7d());
        boolean c5 = previousSpread != null && previousSpread > 0;
        rules.put("persistence", rule(c5, kv("previousSpread7d", n(previousSpread))));

        int confirmations = (c1 ? 1 : 0) + (c2 ? 1 : 0) + (c3 ? 1 : 0) + (c4 ? 1 : 0) + (c5 ? 1 : 0);
        double coverage =
                Math.min(to.coverage() == null ? 0 : to.coverage(), from.coverage() == null ? 0 : from.coverage());
        double strength = 0.6 * Math.min(1.0, spread7d / t.strongSpread7d())
                + 0.4 * Math.min(1.0, flowSpread / t.strongFlowSpread());
        double confidence = confirmations / 5.0 * clamp(coverage);

        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("from", snapshot(from));
        indicators.put("to", snapshot(to));
        indicators.put("rules", rules);
        indicators.put("confirmations", confirmations);
        indicators.put("coverage", coverage);
        return new Rotation(from.sectorId(), to.sectorId(), score(strength), score(confidence), indicators);
    }

    static Double average(List<Snapshot> sectors) {
        List<Double> values = sectors.stream()
                .map(Snapshot::performance7d)
                .filter(v -> v != null)
                .toList();
        return values.isEmpty()
                ? null
                : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Map<String, Object> snapshot(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sectorId", s.sectorId());
        m.put("name", s.name());
        m.put("performance24h", s.performance24h());
        m.put("performance7d", s.performance7d());
        m.put("performance30d", s.performance30d());
        m.put("volumeChange", s.volumeChange());
        m.put("breadth", s.breadth());
        return m;
    }

    private static Map<String, Object> rule(boolean passed, Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed);
        m.putAll(values);
        return m;
    }

    private static Object n(Double value) {
        return value;
    }

    /** An ordered map of key / value pairs; values may be null (a value that was not available). */
    private static Map<String, Object> kv(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Double difference(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static BigDecimal score(double v) {
        return BigDecimal.valueOf(clamp(v)).setScale(6, RoundingMode.HALF_EVEN);
    }
}
