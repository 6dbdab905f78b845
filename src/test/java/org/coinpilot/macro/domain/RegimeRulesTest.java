package org.coinpilot.macro.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of the regime method on crafted inputs, the score, the hysteresis and the confidence. */
class RegimeRulesTest {

    static final LocalDate DAY = LocalDate.parse("2024-01-01");
    static final double NaN = Double.NaN;

    /** A neutral day: close on its averages, flat slope, 20 % off the high, calm, half the breadth, neutral F&G. */
    static RegimeInputs neutral() {
        return new RegimeInputs(DAY, 100, 100, 100, 100, 125, 0.5, 0.0, 1, 2, 50, 1000, 1000);
    }

    static RegimeInputs with(
            double close,
            double sma50,
            double sma200,
            double sma50Before,
            double high,
            double vol,
            double ret30,
            int above,
            int counted,
            double fng,
            double total,
            double totalSma) {
        return new RegimeInputs(
                DAY, close, sma50, sma200, sma50Before, high, vol, ret30, above, counted, fng, total, totalSma);
    }

    static Integer vote(RegimeInputs in, String rule) {
        return RegimeRules.votes(in).stream()
                .filter(v -> v.rule().equals(rule))
                .findFirst()
                .orElseThrow()
                .vote();
    }

    @Test
    void shouldVoteOnTheLongTrendWhenTheLeadIsAboveOrBelowItsSma200() {
        assertThat(vote(with(110, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "trend200"))
                .isEqualTo(1);
        assertThat(vote(with(90, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "trend200"))
                .isEqualTo(-1);
        assertThat(vote(with(100, 100, NaN, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "trend200"))
                .isNull();
    }

    @Test
    void shouldVoteOnTheMediumTrendWhenTheLeadIsAboveOrBelowItsSma50() {
        assertThat(vote(with(101, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "trend50"))
                .isEqualTo(1);
        assertThat(vote(with(99, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "trend50"))
                .isEqualTo(-1);
    }

    @Test
    void shouldVoteOnTheSlopeOnlyOutsideTheOnePercentBandWhenTheSma50Moves() {
        assertThat(vote(with(100, 102, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "slope50"))
                .isEqualTo(1);
        assertThat(vote(with(100, 98, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "slope50"))
                .isEqualTo(-1);
        assertThat(vote(with(100, 100.5, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "slope50"))
                .isZero();
        assertThat(vote(with(100, 100, 100, NaN, 125, 0.5, 0, 1, 2, 50, 1, 1), "slope50"))
                .isNull();
    }

    @Test
    void shouldVoteBearishOnlyOnADeepDrawdownWhenFarFromTheHigh() {
        assertThat(vote(with(95, 100, 100, 100, 100, 0.5, 0, 1, 2, 50, 1, 1), "drawdown"))
                .isEqualTo(1); // -5 %
        assertThat(vote(with(80, 100, 100, 100, 100, 0.5, 0, 1, 2, 50, 1, 1), "drawdown"))
                .isZero(); // -20 %
        assertThat(vote(with(60, 100, 100, 100, 100, 0.5, 0, 1, 2, 50, 1, 1), "drawdown"))
                .isEqualTo(-1); // -40 %
    }

    @Test
    void shouldVoteOnBreadthWhenTwoThirdsAreAboveOrBelowTheirSma50() {
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 2, 3, 50, 1, 1), "breadth"))
                .isEqualTo(1);
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 3, 50, 1, 1), "breadth"))
                .isEqualTo(-1);
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "breadth"))
                .isZero();
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 0, 0, 50, 1, 1), "breadth"))
                .isNull();
    }

    @Test
    void shouldVoteBearishOnVolatilityOnlyWhenViolentAndFalling() {
        assertThat(vote(with(100, 100, 100, 100, 125, 1.2, -0.2, 1, 2, 50, 1, 1), "volatility"))
                .isEqualTo(-1);
        assertThat(vote(with(100, 100, 100, 100, 125, 1.2, 0.2, 1, 2, 50, 1, 1), "volatility"))
                .isZero();
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, -0.2, 1, 2, 50, 1, 1), "volatility"))
                .isZero();
        assertThat(vote(with(100, 100, 100, 100, 125, NaN, -0.2, 1, 2, 50, 1, 1), "volatility"))
                .isNull();
    }

    @Test
    void shouldVoteWithFearAndGreedAtItsBandsWhenTheWeekMeanIsKnown() {
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 60, 1, 1), "fearGreed"))
                .isEqualTo(1);
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 35, 1, 1), "fearGreed"))
                .isEqualTo(-1);
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 1, 1), "fearGreed"))
                .isZero();
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, NaN, 1, 1), "fearGreed"))
                .isNull();
    }

    @Test
    void shouldVoteOnTheTotalMarketWhenItIsAboveOrBelowIts200DayMean() {
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 11, 10), "totalMarket"))
                .isEqualTo(1);
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, 9, 10), "totalMarket"))
                .isEqualTo(-1);
        assertThat(vote(with(100, 100, 100, 100, 125, 0.5, 0, 1, 2, 50, NaN, NaN), "totalMarket"))
                .isNull();
    }

    @Test
    void shouldScoreTheWeightedMeanOfCastVotesWhenSomeRulesAbstain() {
        // every rule bullish except the abstaining ones (volatility can only vote 0 or -1): 7.5 of 8.5 cast weight
        RegimeInputs bull = with(130, 120, 100, 110, 131, 0.5, 0.1, 3, 3, 70, NaN, NaN);
        RegimeRules.Classification c = RegimeRules.classify(bull, null);
        assertThat(c.score())
                .isCloseTo((2 + 1 + 1 + 1.5 + 1 + 0 + 0.5) / 8.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.regime()).isEqualTo(MarketRegime.BULL);
        assertThat(c.confidence().doubleValue()).isCloseTo(7.0 / 8.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(c.analysisData()).containsKeys("method", "score", "votes", "explanation");
        @SuppressWarnings("unchecked")
        Map<String, Object> votes = (Map<String, Object>) c.analysisData().get("votes");
        assertThat(votes)
                .containsOnlyKeys(
                        "trend200",
                        "trend50",
                        "slope50",
                        "drawdown",
                        "breadth",
                        "volatility",
                        "fearGreed",
                        "totalMarket");
    }

    @Test
    void shouldKeepTheRegimeInsideTheHysteresisBandWhenTheScoreWavers() {
        assertThat(RegimeRules.next(MarketRegime.SIDEWAYS, 0.39)).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(RegimeRules.next(MarketRegime.SIDEWAYS, 0.40)).isEqualTo(MarketRegime.BULL);
        assertThat(RegimeRules.next(MarketRegime.BULL, 0.11)).isEqualTo(MarketRegime.BULL);
        assertThat(RegimeRules.next(MarketRegime.BULL, 0.09)).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(RegimeRules.next(MarketRegime.BULL, -0.45)).isEqualTo(MarketRegime.BEAR);
        assertThat(RegimeRules.next(MarketRegime.SIDEWAYS, -0.39)).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(RegimeRules.next(MarketRegime.BEAR, -0.11)).isEqualTo(MarketRegime.BEAR);
        assertThat(RegimeRules.next(MarketRegime.BEAR, -0.05)).isEqualTo(MarketRegime.SIDEWAYS);
    }

    @Test
    void shouldNotFlipOnNoiseWhenScoresOscillateAroundTheEntryThreshold() {
        double[] scores = {0.45, 0.30, 0.42, 0.20, 0.38, 0.15, 0.41};
        MarketRegime regime = MarketRegime.SIDEWAYS;
        int changes = 0;
        for (double s : scores) {
            MarketRegime next = RegimeRules.next(regime, s);
            changes += next != regime ? 1 : 0;
            regime = next;
        }
        assertThat(changes).isEqualTo(1); // entered bull once and stayed
        assertThat(regime).isEqualTo(MarketRegime.BULL);
    }

    @Test
    void shouldNotLeaveTheRegimeOnAOneDaySwingWhenTheScoreIsSmoothedOverThreeDays() {
        RegimeInputs bull = with(130, 120, 100, 110, 131, 0.5, 0.1, 3, 3, 70, NaN, NaN); // raw 0.875
        RegimeInputs dip = neutral(); // raw 0

        RegimeRules.Classification alone = RegimeRules.classify(dip, MarketRegime.BULL);
        RegimeRules.Classification smoothed = RegimeRules.classify(dip, List.of(bull, bull), MarketRegime.BULL);

        assertThat(alone.regime()).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(smoothed.score()).isCloseTo(0.875 * 2 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(smoothed.rawScore()).isZero();
        assertThat(smoothed.regime()).isEqualTo(MarketRegime.BULL);
        assertThat(smoothed.analysisData()).containsEntry("smoothingDays", 3).containsEntry("rawScore", 0.0);
        // days without a candle are left out of the mean
        java.util.List<RegimeInputs> holes = new java.util.ArrayList<>();
        holes.add(null);
        holes.add(bull);
        assertThat(RegimeRules.classify(dip, holes, MarketRegime.BULL).score())
                .isCloseTo(0.875 / 2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void shouldGiveAConfidentSidewaysWhenVotesCancelOut() {
        RegimeRules.Classification c = RegimeRules.classify(neutral(), MarketRegime.SIDEWAYS);
        assertThat(c.regime()).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(c.score()).isZero();
        assertThat(c.confidence().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepConfidenceWithinZeroAndOneWhenInputsAreExtreme() {
        for (RegimeInputs in : List.of(
                neutral(),
                with(1, 100, 1000, 200, 1000, 3, -0.9, 0, 3, 5, 1, 10),
                with(1000, 100, 10, 50, 1000, 0.1, 2, 3, 3, 95, 10, 1))) {
            for (MarketRegime previous : MarketRegime.values()) {
                double confidence =
                        RegimeRules.classify(in, previous).confidence().doubleValue();
                assertThat(confidence).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void shouldReadOnlyValuesUpToTheDayWhenComputingInputs() {
        int n = 260;
        LocalDate[] days = new LocalDate[n];
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = DAY.plusDays(i);
            closes[i] = 100 + i;
        }
        DailySeries lead = new DailySeries(days, closes);
        LocalDate day = DAY.plusDays(220);
        RegimeInputs full = RegimeInputs.of(day, lead, List.of(lead), DailySeries.empty(), DailySeries.empty());
        RegimeInputs cut =
                RegimeInputs.of(day, lead.upTo(day), List.of(lead.upTo(day)), DailySeries.empty(), DailySeries.empty());
        assertThat(full).isEqualTo(cut);
        assertThat(full.leadHigh365()).isEqualTo(320.0); // the close of the day, not the later highs
        assertThat(full.leadSma50()).isEqualTo((271 + 320) / 2.0);
        assertThat(RegimeInputs.of(DAY.plusDays(48), lead, List.of(), DailySeries.empty(), DailySeries.empty()))
                .isNull(); // 49 candles: not enough history
    }

    @Test
    void shouldAverageOnlyTheDaysThatHaveAValueWhenFearAndGreedHasHoles() {
        DailySeries fng =
                new DailySeries(new LocalDate[] {DAY, DAY.plusDays(1), DAY.plusDays(5)}, new double[] {10, 20, 60});
        assertThat(fng.calendarMean(DAY.plusDays(6), 7)).isEqualTo(30.0);
        assertThat(fng.calendarCount(DAY.plusDays(6), 7)).isEqualTo(3);
        assertThat(fng.calendarMean(DAY.plusDays(11), 7)).isEqualTo(60.0);
        assertThat(fng.calendarMean(DAY.plusDays(12), 7)).isNaN();
    }
}
