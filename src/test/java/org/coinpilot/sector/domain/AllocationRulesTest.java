package org.coinpilot.sector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.coinpilot.sector.domain.AllocationRules.Allocation;
import org.coinpilot.sector.domain.AllocationRules.Violation;
import org.junit.jupiter.api.Test;

class AllocationRulesTest {

    static Allocation a(long sector, String percent, boolean primary) {
        return new Allocation(sector, new BigDecimal(percent), primary);
    }

    @Test
    void shouldAcceptExactly100WithOnePrimaryWhenSplit() {
        assertThat(AllocationRules.violations(
                        List.of(a(1, "33.3334", true), a(2, "33.3333", false), a(3, "33.3333", false))))
                .isEmpty();
        assertThat(AllocationRules.violations(List.of())).isEmpty();
    }

    @Test
    void shouldNameSectorsWhenTheSumIsOver100OrPrimariesAreNotOne() {
        assertThat(AllocationRules.violations(List.of(a(1, "60", true), a(2, "40.0001", false))))
                .extracting(Violation::field, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "sectors", "allocationPercentage sums to 100.0001, more than 100"));
        assertThat(AllocationRules.violations(List.of(a(1, "10", true), a(2, "10", true))))
                .extracting(Violation::message)
                .containsExactly("exactly one sector must be primary, 2 are");
    }

    @Test
    void shouldNameTheEntryWhenASectorRepeatsOrAShareIsOutOfRange() {
        assertThat(AllocationRules.violations(List.of(a(1, "10", true), a(1, "10", false), a(2, "0", false))))
                .extracting(Violation::field)
                .containsExactly("sectors[1].sectorId", "sectors[2].allocationPercentage");
    }

    @Test
    void shouldDeriveSlugsLikeTheMigrationWhenNamed() {
        assertThat(SectorSlug.of("Layer 1 (L1)")).isEqualTo("layer-1-l1");
        assertThat(SectorSlug.of("  Decentralized Finance (DeFi)  ")).isEqualTo("decentralized-finance-defi");
        assertThat(SectorSlug.of("Äpfel & Co")).isEqualTo("pfel-co");
        assertThat(SectorSlug.of("***")).isEmpty();
    }
}
