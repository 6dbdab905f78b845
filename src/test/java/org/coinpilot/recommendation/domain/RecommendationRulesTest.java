package org.coinpilot.recommendation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.coinpilot.recommendation.domain.RecommendationRules.Candidate;
import org.coinpilot.recommendation.domain.RecommendationRules.Held;
import org.coinpilot.recommendation.domain.RecommendationRules.Price;
import org.coinpilot.recommendation.domain.RecommendationRules.Settings;
import org.coinpilot.recommendation.domain.RecommendationRules.Signal;
import org.coinpilot.recommendation.domain.RecommendationRules.Watched;
import org.junit.jupiter.api.Test;

/**
 * Each generator rule on crafted data, with the arithmetic worked by hand in the comments. Settings as shipped: risk
 * limit 2 %, rebalance tolerance 5 points, sizing 1 % of 10,000 USD, HIGH from a risk-reward of 2, 24 h expiry and
 * horizon.
 */
class RecommendationRulesTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    static final Settings SETTINGS = new Settings(
            Duration.ofHours(24),
            Duration.ofHours(24),
            new BigDecimal("2"),
            new BigDecimal("5"),
            new BigDecimal("10000"),
            new BigDecimal("1"),
            new BigDecimal("2"));
    static final long USER = 7;
    static final long BTC = 1;
    static final long ETH = 2;

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Signal signal(long id, long asset, boolean isShort, String entry, String target, String stop, String rr) {
        return new Signal(
                id,
                asset,
                null,
                isShort,
                d(entry),
                target == null ? null : d(target),
                stop == null ? null : d(stop),
                rr == null ? null : d(rr),
                4,
                NOW.minusSeconds(3600),
                NOW.plusSeconds(5 * 3600));
    }

    static Held held(
            long id, long asset, boolean isShort, String q, String entry, String stop, String target, String alloc) {
        return new Held(
                id,
                USER,
                asset,
                asset == BTC ? "BTC" : "ETH",
                isShort,
                d(q),
                d(entry),
                stop == null ? null : d(stop),
                target == null ? null : d(target),
                alloc == null ? null : d(alloc));
    }

    static Map<Long, Price> prices(String btc, String eth) {
        return Map.of(BTC, new Price(d(btc), NOW.minusSeconds(3600)), ETH, new Price(d(eth), NOW.minusSeconds(3600)));
    }

    static List<Candidate> run(List<Watched> watched, List<Held> held, List<Signal> signals, Map<Long, Price> prices) {
        return RecommendationRules.generate(
                watched, held, signals, prices, Map.of(BTC, "BTC", ETH, "ETH"), SETTINGS, NOW);
    }

    static List<Candidate> of(List<Candidate> all, RecommendationType type) {
        return all.stream().filter(c -> c.type() == type).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    void shouldRecommendAnEntrySizedFromTheConfiguredCapitalWhenAWatchedAssetHasAnActiveSignal() {
        // BTC is on two of the user's lists (12 and 11): one entry, targeting the lower id, naming both
        List<Candidate> all = run(
                List.of(new Watched(USER, 12, BTC), new Watched(USER, 11, BTC)),
                List.of(),
                List.of(signal(42, BTC, false, "100", "110", "95", "2")),
                prices("100", "10"));
        assertThat(all).hasSize(1);
        Candidate entry = all.get(0);
        assertThat(entry.type()).isEqualTo(RecommendationType.ENTRY);
        assertThat(entry.targetType()).isEqualTo(TargetEntityType.WATCHLIST);
        assertThat(entry.targetId()).isEqualTo(11);
        assertThat(entry.causeKey()).isEqualTo("signal:42");
        assertThat(entry.priority()).isEqualTo(PriorityLevel.HIGH); // risk-reward 2 >= 2
        // the signal expires at NOW + 5 h, before NOW + 24 h; its horizon is 4 h
        assertThat(entry.expiresAt()).isEqualTo(NOW.plusSeconds(5 * 3600));
        assertThat(entry.horizonEndsAt()).isEqualTo(NOW.plusSeconds(4 * 3600));
        assertThat(map(entry.payload(), "inputs").get("watchlistIds")).isEqualTo(List.of(11L, 12L));
        // no positions: capital 10,000 (config); risk 1 % = 100 USD; |100 − 95| = 5; quantity 100 / 5 = 20;
        // notional 20 × 100 = 2,000 <= 10,000, not capped
        Map<String, Object> sizing = map(map(entry.payload(), "numbers"), "sizing");
        assertThat(sizing)
                .containsEntry("capitalUsd", "10000")
                .containsEntry("capitalSource", "config")
                .containsEntry("riskPercent", "1")
                .containsEntry("riskAmountUsd", "100")
                .containsEntry("stopDistance", "5")
                .containsEntry("quantity", "20")
                .containsEntry("notionalUsd", "2000")
                .containsEntry("cappedByCapital", false);
        assertThat(map(entry.payload(), "plan"))
                .containsEntry("action", "open")
                .containsEntry("direction", "long")
                .containsEntry("referencePrice", "100")
                .containsEntry("quantity", "20")
                .containsEntry("stop", "95")
                .containsEntry("target", "110");
        assertThat(entry.payload()).containsEntry("rule", "entry.active_signal_on_watched_asset");
    }

    @Test
    void shouldSizeFromTheUsersBookAndCapAtTheCapitalWhenTheStopIsTight() {
        // book: 10 ETH long from 100 at 120 -> 1,200 USD (complete); short signal on BTC entry 50 stop 52:
        // 1 % of 1,200 = 12 USD; |50 − 52| = 2 -> 6 BTC; notional 300 <= 1,200
        Held eth = held(5, ETH, false, "10", "100", "90", null, null);
        List<Candidate> all = run(
                List.of(new Watched(USER, 3, BTC)),
                List.of(eth),
                List.of(signal(43, BTC, true, "50", "40", "52", "1.5")),
                prices("50", "120"));
        Candidate entry = of(all, RecommendationType.ENTRY).get(0);
        assertThat(entry.priority()).isEqualTo(PriorityLevel.MEDIUM); // 1.5 < 2
        assertThat(map(map(entry.payload(), "numbers"), "sizing"))
                .containsEntry("capitalUsd", "1200")
                .containsEntry("capitalSource", "portfolio")
                .containsEntry("riskAmountUsd", "12")
                .containsEntry("quantity", "6")
                .containsEntry("cappedByCapital", false);
        assertThat(map(entry.payload(), "plan")).containsEntry("direction", "short");

        // 10,000 × 1 % = 100 USD over |100 − 99.99| = 0.01 -> 10,000 BTC, 1,000,000 USD > 10,000: capped at
        // 10,000 / 100 = 100
        Candidate capped = of(
                        run(
                                List.of(new Watched(USER, 3, BTC)),
                                List.of(),
                                List.of(signal(44, BTC, false, "100", null, "99.99", null)),
                                prices("100", "1")),
                        RecommendationType.ENTRY)
                .get(0);
        assertThat(map(map(capped.payload(), "numbers"), "sizing"))
                .containsEntry("quantity", "100")
                .containsEntry("cappedByCapital", true);

        // no stop: no quantity, and the reason
        Candidate unsized = of(
                        run(
                                List.of(new Watched(USER, 3, BTC)),
                                List.of(),
                                List.of(signal(45, BTC, false, "100", "120", null, null)),
                                prices("100", "1")),
                        RecommendationType.ENTRY)
                .get(0);
        Map<String, Object> sizing = map(map(unsized.payload(), "numbers"), "sizing");
        assertThat(sizing.get("quantity")).isNull();
        assertThat(sizing).containsEntry("reason", "the signal has no stop loss");
    }

    @Test
    void shouldRecommendAnExitWhenTheStopOrTargetIsReachedOrASignalIsOpposite() {
        // long BTC stop 90 at 89: stop reached (URGENT); short ETH target 40 at 39: target reached (HIGH)
        Held longStop = held(1, BTC, false, "1", "100", "90", "150", null);
        Held shortTarget = held(2, ETH, true, "2", "50", "60", "40", null);
        List<Candidate> exits = of(
                run(List.of(), List.of(longStop, shortTarget), List.of(), prices("89", "39")), RecommendationType.EXIT);
        assertThat(exits)
                .extracting(Candidate::targetId, Candidate::causeKey, Candidate::priority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "stop_reached", PriorityLevel.URGENT),
                        org.assertj.core.groups.Tuple.tuple(2L, "target_reached", PriorityLevel.HIGH));
        Candidate stop = exits.get(0);
        assertThat(stop.targetType()).isEqualTo(TargetEntityType.PORTFOLIO);
        // unrealized (89 − 100) × 1 = −11
        assertThat(map(stop.payload(), "numbers")).containsEntry("unrealizedPnlUsd", "-11");
        assertThat(map(stop.payload(), "plan"))
                .containsEntry("action", "close")
                .containsEntry("referencePrice", "89")
                .containsEntry("quantity", "1");

        // between stop and target: nothing; short stop 60 at 61: stop reached
        assertThat(of(run(List.of(), List.of(longStop), List.of(), prices("120", "1")), RecommendationType.EXIT))
                .isEmpty();
        assertThat(of(run(List.of(), List.of(shortTarget), List.of(), prices("1", "61")), RecommendationType.EXIT))
                .extracting(Candidate::causeKey)
                .containsExactly("stop_reached");

        // a short signal on BTC against the long: reversed, naming the newest opposite signal; a long one is not
        List<Candidate> reversed = of(
                run(
                        List.of(),
                        List.of(longStop),
                        List.of(
                                signal(50, BTC, true, "120", "110", "125", null),
                                new Signal(
                                        51,
                                        BTC,
                                        null,
                                        true,
                                        d("120"),
                                        null,
                                        d("125"),
                                        null,
                                        null,
                                        NOW.minusSeconds(60),
                                        null),
                                signal(52, BTC, false, "120", "130", "115", null)),
                        prices("120", "1")),
                RecommendationType.EXIT);
        assertThat(reversed).extracting(Candidate::causeKey).containsExactly("signal_reversed:51");
        assertThat(reversed.get(0).priority()).isEqualTo(PriorityLevel.HIGH);
    }

    @Test
    void shouldRecommendRiskManagementWhenAStopIsMissingOrTheRiskIsAboveTheLimit() {
        // one position: 10 BTC from 100 at 100 -> book 1,000. No stop: a stop risking 2 % (20 USD) of the book is
        // 20 / 10 = 2 below the price: 98
        List<Candidate> noStop = of(
                run(
                        List.of(),
                        List.of(held(1, BTC, false, "10", "100", null, null, null)),
                        List.of(),
                        prices("100", "1")),
                RecommendationType.RISK_MANAGEMENT);
        assertThat(noStop)
                .extracting(Candidate::causeKey, Candidate::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no_stop", PriorityLevel.HIGH));
        assertThat(map(noStop.get(0).payload(), "numbers")).containsEntry("suggestedStop", "98");
        assertThat(map(noStop.get(0).payload(), "plan"))
                .containsEntry("action", "protect")
                .containsEntry("stop", "98");

        // stop 90: (100 − 90) × 10 = 100 USD = 10 % of 1,000 > 2 %, and >= 4 %: URGENT; suggested stop 98
        Candidate high = of(
                        run(
                                List.of(),
                                List.of(held(1, BTC, false, "10", "100", "90", null, null)),
                                List.of(),
                                prices("100", "1")),
                        RecommendationType.RISK_MANAGEMENT)
                .get(0);
        assertThat(high.causeKey()).isEqualTo("risk_above_limit");
        assertThat(high.priority()).isEqualTo(PriorityLevel.URGENT);
        assertThat(map(high.payload(), "numbers"))
                .containsEntry("distanceToStop", "10")
                .containsEntry("riskUsd", "100")
                .containsEntry("riskPercent", "10")
                .containsEntry("suggestedStop", "98");

        // short 10 ETH from 100 at 100, stop 103: 3 × 10 = 30 = 3 % (> 2, < 4): HIGH, suggested 102
        Candidate shortRisk = of(
                        run(
                                List.of(),
                                List.of(held(2, ETH, true, "10", "100", "103", null, null)),
                                List.of(),
                                prices("1", "100")),
                        RecommendationType.RISK_MANAGEMENT)
                .get(0);
        assertThat(shortRisk.priority()).isEqualTo(PriorityLevel.HIGH);
        assertThat(map(shortRisk.payload(), "numbers"))
                .containsEntry("riskPercent", "3")
                .containsEntry("suggestedStop", "102");

        // stop 99: 1 % <= 2 %: nothing
        assertThat(of(
                        run(
                                List.of(),
                                List.of(held(1, BTC, false, "10", "100", "99", null, null)),
                                List.of(),
                                prices("100", "1")),
                        RecommendationType.RISK_MANAGEMENT))
                .isEmpty();
    }

    @Test
    void shouldRecommendARebalanceWhenAWeightDriftsPastTheTolerance() {
        // BTC 10 × 100 = 1,000 and ETH 10 × 300 = 3,000 of a 4,000 book: weights 25 % and 75 % against 50 % each;
        // drift −25 / +25 points (>= 10: MEDIUM). Quantity to target: 10 × 50 / 25 − 10 = +10 BTC; 10 × 50 / 75 − 10
        // = −3.33333333 ETH
        List<Candidate> all = run(
                List.of(),
                List.of(
                        held(1, BTC, false, "10", "100", "95", null, "50"),
                        held(2, ETH, false, "10", "300", "295", null, "50")),
                List.of(),
                prices("100", "300"));
        List<Candidate> rebalance = of(all, RecommendationType.REBALANCE);
        assertThat(rebalance)
                .extracting(Candidate::targetId, Candidate::causeKey, Candidate::priority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "underweight", PriorityLevel.MEDIUM),
                        org.assertj.core.groups.Tuple.tuple(2L, "overweight", PriorityLevel.MEDIUM));
        assertThat(map(rebalance.get(0).payload(), "numbers"))
                .containsEntry("weightPercent", "25")
                .containsEntry("driftPercent", "-25")
                .containsEntry("quantityDelta", "10");
        assertThat(map(rebalance.get(1).payload(), "numbers"))
                .containsEntry("weightPercent", "75")
                .containsEntry("driftPercent", "25")
                .containsEntry("quantityDelta", "-3.33333333");

        // 47 / 53 against 50 / 50: drift 3 points <= 5, nothing
        assertThat(of(
                        run(
                                List.of(),
                                List.of(
                                        held(1, BTC, false, "47", "1", "0.99", null, "50"),
                                        held(2, ETH, false, "53", "1", "0.99", null, "50")),
                                List.of(),
                                prices("1", "1")),
                        RecommendationType.REBALANCE))
                .isEmpty();

        // drift 8 points (42 %): LOW; and a book with an unpriced position gives no rebalance at all
        List<Candidate> low = of(
                run(
                        List.of(),
                        List.of(
                                held(1, BTC, false, "42", "1", "0.99", null, "50"),
                                held(2, ETH, false, "58", "1", "0.99", null, "50")),
                        List.of(),
                        prices("1", "1")),
                RecommendationType.REBALANCE);
        assertThat(low).extracting(Candidate::priority).containsExactly(PriorityLevel.LOW, PriorityLevel.LOW);
        assertThat(of(
                        run(
                                List.of(),
                                List.of(held(1, BTC, false, "10", "100", "95", null, "50")),
                                List.of(),
                                Map.of()),
                        RecommendationType.REBALANCE))
                .isEmpty();
    }

    @Test
    void shouldGiveTheSameCandidatesWhenRunTwiceOnTheSameData() {
        List<Watched> watched = List.of(new Watched(USER, 3, BTC), new Watched(8, 4, ETH));
        List<Held> held = List.of(
                held(1, BTC, false, "10", "100", null, "150", "50"),
                held(2, ETH, true, "10", "300", "310", null, "50"));
        List<Signal> signals = List.of(
                signal(60, ETH, false, "300", "330", "290", "3"), signal(61, BTC, true, "100", "90", "105", "2"));
        assertThat(run(watched, held, signals, prices("100", "300")))
                .isEqualTo(run(watched, held, signals, prices("100", "300")))
                .isNotEmpty();
    }
}
