package org.coinpilot.recommendation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lifecycle over the full matrix of (current, next): exactly the five documented transitions are legal. */
class RecommendationStatusTest {

    static final Set<String> LEGAL = Set.of(
            "PENDING>APPROVED",
            "PENDING>REJECTED",
            "PENDING>IGNORED",
            "PENDING>EXPIRED",
            "APPROVED>FOLLOWED",
            "APPROVED>IMPLEMENTED");

    static Stream<Arguments> matrix() {
        return Stream.of(RecommendationStatus.values())
                .flatMap(from -> Stream.of(RecommendationStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("matrix")
    void shouldAllowOnlyTheDocumentedTransitions(RecommendationStatus from, RecommendationStatus to) {
        assertThat(from.canBecome(to)).isEqualTo(LEGAL.contains(from + ">" + to));
        assertThat(RecommendationStatus.requestable(to))
                .isEqualTo(to != RecommendationStatus.PENDING && to != RecommendationStatus.EXPIRED);
    }
}
