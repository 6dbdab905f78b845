package org.coinpilot.sector.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of an asset's sector allocation (docs/sectors.md, "Membership"): each sector at most once, every
 * allocation above 0 and at most 100 with at most 4 decimals, the allocations summing to at most 100, and exactly
 * one primary sector when the asset has any. {@link #violations} names the offending field of the request
 * ({@code sectors[1].allocationPercentage}, {@code sectors}).
 */
public final class AllocationRules {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One requested membership. */
    public record Allocation(long sectorId, BigDecimal percentage, boolean primary) {}

    /** A broken rule and the request field it concerns. */
    public record Violation(String field, String message) {}

    private AllocationRules() {}

    public static List<Violation> violations(List<Allocation> allocations) {
        List<Violation> violations = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        int primaries = 0;
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            String field = "sectors[" + i + "]";
            if (!seen.add(a.sectorId())) {
                violations.add(new Violation(field + ".sectorId", "sector " + a.sectorId() + " is listed twice"));
            }
            BigDecimal p = a.percentage();
            if (p == null) {
                violations.add(new Violation(field + ".allocationPercentage", "must not be null"));
            } else if (p.signum() <= 0 || p.compareTo(HUNDRED) > 0) {
                violations.add(new Violation(
                        field + ".allocationPercentage", "must be above 0 and at most 100, was " + p.toPlainString()));
            } else if (p.stripTrailingZeros().scale() > 4) {
                violations.add(new Violation(field + ".allocationPercentage", "must have at most 4 decimals"));
            } else {
                sum = sum.add(p);
            }
            if (a.primary()) {
                primaries++;
            }
        }
        if (sum.compareTo(HUNDRED) > 0) {
            violations.add(new Violation(
                    "sectors",
                    "allocationPercentage sums to " + sum.stripTrailingZeros().toPlainString() + ", more than 100"));
        }
        if (!allocations.isEmpty() && primaries != 1) {
            violations.add(new Violation(
                    "sectors",
                    primaries == 0
                            ? "exactly one sector must be primary, none is"
                            : "exactly one sector must be primary, " + primaries + " are"));
        }
        return violations;
    }
}
