package org.coinpilot.sector.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sector's performance from its members' moves (docs/sectors.md, "Performance"): for each period, the average of
 * the members' percent changes weighted by market cap × allocation share, over the members that have both; the
 * change of the sector's allocated market cap over 24 h (each member's market cap 24 h ago taken as its market cap /
 * (1 + change 24 h), i.e. constant supply); the change of its allocated USD volume (last 24 h against the 24 h
 * before); breadth (advancers / decliners over 24 h, unweighted) and leaders / laggards. Exact decimal arithmetic;
 * results are rounded HALF_EVEN to 4 decimals (the columns' scale).
 */
public final class SectorPerformanceCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The columns are numeric(12,4): anything at or beyond this is not stored (null, with a note). */
    private static final BigDecimal COLUMN_LIMIT = new BigDecimal("100000000");

    /** A member of the sector: its move and its allocation percentage (0–100]. */
    public record Member(AssetMove move, BigDecimal allocationPercentage) {}

    /** The sector's figures; any may be null (nothing to compute it from). */
    public record Figures(
            BigDecimal performance24h,
            BigDecimal performance7d,
            BigDecimal performance30d,
            BigDecimal volumeChange,
            BigDecimal marketCapChange,
            Map<String, Object> metrics) {

        /** True when no figure could be computed (the job then keeps the last good row). */
        public boolean empty() {
            return performance24h == null
                    && performance7d == null
                    && performance30d == null
                    && volumeChange == null
                    && marketCapChange == null;
        }
    }

    private SectorPerformanceCalculator() {}

    /** The figures of one sector from its members; {@code leaders} members are named on each side. */
    public static Figures compute(List<Member> members, int leaders) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("members", members.size());
        Weighted p24 = weighted(members, AssetMove::change24h);
        Weighted p7 = weighted(members, AssetMove::change7d);
        Weighted p30 = weighted(members, AssetMove::change30d);
        Map<String, Object> weighting = new LinkedHashMap<>();
        weighting.put("24h", p24.describe());
        weighting.put("7d", p7.describe());
        weighting.put("30d", p30.describe());
        metrics.put("weighting", weighting);

        // allocated market cap now and 24 h ago, over members with a market cap and a 24 h change
        BigDecimal capNow = BigDecimal.ZERO;
        BigDecimal capBefore = BigDecimal.ZERO;
        int capMembers = 0;
        for (Member m : members) {
            AssetMove a = m.move();
            if (a.marketCapUsd() == null || a.marketCapUsd().signum() <= 0 || a.change24h() == null) {
                continue;
            }
            BigDecimal growth = BigDecimal.ONE.add(a.change24h().divide(HUNDRED, MC));
            if (growth.signum() <= 0) {
                continue;
            }
            BigDecimal share = m.allocationPercentage().divide(HUNDRED, MC);
            capNow = capNow.add(a.marketCapUsd().multiply(share, MC));
            capBefore = capBefore.add(a.marketCapUsd().multiply(share, MC).divide(growth, MC));
            capMembers++;
        }
        BigDecimal marketCapChange = capMembers == 0 ? null : percentChange(capNow, capBefore);
        metrics.put("marketCapUsd", capMembers == 0 ? null : usd(capNow));
        metrics.put("marketCapMembers", capMembers);

        // allocated USD volume, last 24 h against the 24 h before, over members with both
        BigDecimal volNow = BigDecimal.ZERO;
        BigDecimal volBefore = BigDecimal.ZERO;
        int volMembers = 0;
        for (Member m : members) {
            AssetMove a = m.move();
            if (a.volume24hUsd() == null || a.volumePrev24hUsd() == null) {
                continue;
            }
            BigDecimal share = m.allocationPercentage().divide(HUNDRED, MC);
            volNow = volNow.add(a.volume24hUsd().multiply(share, MC));
            volBefore = volBefore.add(a.volumePrev24hUsd().multiply(share, MC));
            volMembers++;
        }
        BigDecimal volumeChange = volMembers == 0 || volBefore.signum() == 0 ? null : percentChange(volNow, volBefore);
        metrics.put("volume24hUsd", volMembers == 0 ? null : usd(volNow));
        metrics.put("volumePrev24hUsd", volMembers == 0 ? null : usd(volBefore));
        metrics.put("volumeMembers", volMembers);

        // breadth over 24 h, unweighted
        List<Member> moved =
                members.stream().filter(m -> m.move().change24h() != null).toList();
        long advancers =
                moved.stream().filter(m -> m.move().change24h().signum() > 0).count();
        long decliners =
                moved.stream().filter(m -> m.move().change24h().signum() < 0).count();
        Map<String, Object> breadth = new LinkedHashMap<>();
        breadth.put("advancers", advancers);
        breadth.put("decliners", decliners);
        breadth.put("unchanged", moved.size() - advancers - decliners);
        breadth.put(
                "ratio",
                moved.isEmpty()
                        ? null
                        : BigDecimal.valueOf(advancers)
                                .divide(BigDecimal.valueOf(moved.size()), 4, RoundingMode.HALF_EVEN)
                                .doubleValue());
        metrics.put("breadth", breadth);

        Comparator<Member> byChange = Comparator.comparing(
                        (Member m) -> m.move().change24h())
                .thenComparing(m -> m.move().symbol());
        metrics.put(
                "leaders",
                moved.stream()
                        .sorted(byChange.reversed())
                        .limit(leaders)
                        .map(m -> named(m, p24))
                        .toList());
        metrics.put(
                "laggards",
                moved.stream()
                        .sorted(byChange)
                        .limit(leaders)
                        .map(m -> named(m, p24))
                        .toList());
        List<String> withoutMarketCap = members.stream()
                .filter(m -> m.move().marketCapUsd() == null
                        || m.move().marketCapUsd().signum() <= 0)
                .map(m -> m.move().symbol())
                .sorted()
                .toList();
        metrics.put("withoutMarketCap", withoutMarketCap);

        List<String> outOfRange = new ArrayList<>();
        return new Figures(
                storable("performance24h", p24.value(), outOfRange),
                storable("performance7d", p7.value(), outOfRange),
                storable("performance30d", p30.value(), outOfRange),
                storable("volumeChange", volumeChange, outOfRange),
                storable("marketCapChange", marketCapChange, outOfRange),
                withNote(metrics, outOfRange));
    }

    private static Map<String, Object> withNote(Map<String, Object> metrics, List<String> outOfRange) {
        if (!outOfRange.isEmpty()) {
            metrics.put("notStored", outOfRange);
        }
        return metrics;
    }

    private static BigDecimal storable(String name, BigDecimal value, List<String> outOfRange) {
        if (value != null && value.abs().compareTo(COLUMN_LIMIT) >= 0) {
            outOfRange.add(name + " " + value.toPlainString() + " is beyond the column's range");
            return null;
        }
        return value;
    }

    private static Map<String, Object> named(Member m, Weighted p24) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", m.move().symbol());
        row.put("change24h", m.move().change24h().toPlainString());
        BigDecimal weight = p24.weightOf(m);
        row.put(
                "weightPercent",
                weight == null || p24.totalWeight().signum() == 0
                        ? null
                        : weight.multiply(HUNDRED)
                                .divide(p24.totalWeight(), 4, RoundingMode.HALF_EVEN)
                                .toPlainString());
        return row;
    }

    /** A USD amount as the API writes decimals: a plain string at cents. */
    private static String usd(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code (now - before) / before × 100}, 4 decimals. */
    private static BigDecimal percentChange(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(HUNDRED).divide(before, 4, RoundingMode.HALF_EVEN);
    }

    /** A weighted average over the members that have a market cap and the period's change. */
    private record Weighted(
            BigDecimal value, BigDecimal totalWeight, int counted, int members, Map<Member, BigDecimal> weights) {

        BigDecimal weightOf(Member m) {
            return weights.get(m);
        }

        Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("members", counted);
            d.put("of", members);
            d.put("coverage", members == 0 ? 0.0 : (double) counted / members);
            return d;
        }
    }

    private static Weighted weighted(List<Member> members, Function<AssetMove, BigDecimal> change) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        int counted = 0;
        Map<Member, BigDecimal> weights = new java.util.IdentityHashMap<>();
        for (Member m : members) {
            BigDecimal cap = m.move().marketCapUsd();
            BigDecimal r = change.apply(m.move());
            if (cap == null || cap.signum() <= 0 || r == null) {
                continue;
            }
            BigDecimal w = cap.multiply(m.allocationPercentage(), MC).divide(HUNDRED, MC);
            weights.put(m, w);
            sum = sum.add(w.multiply(r, MC));
            total = total.add(w);
            counted++;
        }
        BigDecimal value = total.signum() == 0 ? null : sum.divide(total, 4, RoundingMode.HALF_EVEN);
        return new Weighted(value, total, counted, members.size(), weights);
    }
}
