package org.coinpilot.macro.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regime method ({@value #METHOD}, docs/macro.md): eight rules each vote +1 (bull), 0 (neutral) or −1 (bear)
 * with a weight, or abstain when their input is missing. The score is the weighted mean of the votes cast, in
 * [−1, 1], averaged over the day and the two days before it ({@link #SMOOTHING}; one-day swings of the discrete votes
 * do not flip the regime). Hysteresis: a bull regime is entered at score ≥ {@value #ENTER} and kept while score ≥ {@value #EXIT};
 * a bear regime likewise at ≤ −{@value #ENTER} and ≤ −{@value #EXIT}; everything else is sideways. The classification
 * of a day depends only on that day's inputs and the regime of the day before, so it is deterministic.
 *
 * <p>Confidence, in [0, 1]: for bull (bear), the share of the cast weight that voted +1 (−1); for sideways,
 * {@code 1 − |score| / ENTER} (a score near zero is a confident "no trend").
 */
public final class RegimeRules {

    public static final String METHOD = "regime-v1";
    public static final double ENTER = 0.40;
    public static final double EXIT = 0.10;
    /** Days whose raw scores are averaged (the day and the two before it). */
    public static final int SMOOTHING = 3;

    /** Rule thresholds (documented in docs/macro.md). */
    static final double SLOPE_BAND = 0.01;

    static final double DRAWDOWN_BEAR = -0.35;
    static final double DRAWDOWN_BULL = -0.10;
    static final double BREADTH_BULL = 2.0 / 3.0;
    static final double BREADTH_BEAR = 1.0 / 3.0;
    static final double VOLATILITY_STRESS = 0.90;
    static final double GREED = 60;
    static final double FEAR = 35;

    private RegimeRules() {}

    /** One rule's vote. {@code vote} is null when the rule abstained. */
    public record Vote(String rule, Integer vote, double weight, String reason) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("vote", vote);
            json.put("weight", weight);
            json.put("reason", reason);
            return json;
        }
    }

    /** The outcome for one day. */
    public record Classification(
            MarketRegime regime,
            BigDecimal confidence,
            double score,
            double rawScore,
            MarketRegime previous,
            List<Vote> votes,
            RegimeInputs inputs) {

        /** {@code market_regime_analysis.analysis_data}: the method, score, thresholds and each rule's vote. */
        public Map<String, Object> analysisData() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("method", METHOD);
            json.put("score", RegimeInputs.round(score));
            json.put("rawScore", RegimeInputs.round(rawScore));
            json.put("smoothingDays", SMOOTHING);
            json.put("previousRegime", previous == null ? null : previous.dbValue());
            json.put("enter", ENTER);
            json.put("exit", EXIT);
            Map<String, Object> rules = new LinkedHashMap<>();
            votes.forEach(v -> rules.put(v.rule(), v.toJson()));
            json.put("votes", rules);
            json.put("explanation", explanation());
            return json;
        }

        /** One sentence per cast vote, strongest first as listed. */
        public String explanation() {
            StringBuilder text = new StringBuilder();
            text.append(regime.dbValue())
                    .append(" (score ")
                    .append(String.format(Locale.ROOT, "%+.2f", score))
                    .append(", confidence ")
                    .append(confidence.setScale(2, RoundingMode.HALF_EVEN).toPlainString())
                    .append(previous != null && previous != regime ? ", changed from " + previous.dbValue() : "")
                    .append("): ");
            List<String> parts = new ArrayList<>();
            for (Vote v : votes) {
                if (v.vote() != null) {
                    parts.add(v.reason() + " [" + (v.vote() > 0 ? "+" : v.vote() < 0 ? "-" : "0") + "]");
                }
            }
            return text.append(String.join("; ", parts)).toString();
        }
    }

    /**
     * Classifies one day.
     *
     * @param previous the regime of the day before (null when none is known: treated as sideways)
     */
    public static Classification classify(RegimeInputs in, MarketRegime previous) {
        return classify(in, List.of(), previous);
    }

    /**
     * Classifies one day with the score smoothed over it and up to {@link #SMOOTHING} − 1 days before it
     * ({@code earlier}, the inputs of those days; null entries, days without a candle, are left out): the mean of their
     * raw scores. Earlier days' inputs are themselves computed from data up to those days, so nothing later is read.
     */
    public static Classification classify(RegimeInputs in, List<RegimeInputs> earlier, MarketRegime previous) {
        List<Vote> votes = votes(in);
        double cast = 0;
        double sum = 0;
        double up = 0;
        double down = 0;
        for (Vote v : votes) {
            if (v.vote() != null) {
                cast += v.weight();
                sum += v.weight() * v.vote();
                if (v.vote() > 0) {
                    up += v.weight();
                } else if (v.vote() < 0) {
                    down += v.weight();
                }
            }
        }
        double raw = cast == 0 ? 0 : sum / cast;
        double total = raw;
        int n = 1;
        for (RegimeInputs e : earlier) {
            if (e != null && n < SMOOTHING) {
                total += rawScore(e);
                n++;
            }
        }
        double score = total / n;
        MarketRegime from = previous == null ? MarketRegime.SIDEWAYS : previous;
        MarketRegime regime = next(from, score);
        double confidence = switch (regime) {
            case BULL -> up / cast;
            case BEAR -> down / cast;
            case SIDEWAYS -> Math.max(0, 1 - Math.abs(score) / ENTER);
        };
        return new Classification(
                regime,
                BigDecimal.valueOf(Math.min(1, Math.max(0, confidence))).setScale(6, RoundingMode.HALF_EVEN),
                score,
                raw,
                previous,
                votes,
                in);
    }

    /** The weighted mean of one day's cast votes (0 when none is cast). */
    public static double rawScore(RegimeInputs in) {
        double cast = 0;
        double sum = 0;
        for (Vote v : votes(in)) {
            if (v.vote() != null) {
                cast += v.weight();
                sum += v.weight() * v.vote();
            }
        }
        return cast == 0 ? 0 : sum / cast;
    }

    /** The hysteresis: where the regime goes from {@code from} at {@code score}. */
    public static MarketRegime next(MarketRegime from, double score) {
        if (score >= ENTER || (from == MarketRegime.BULL && score >= EXIT)) {
            return MarketRegime.BULL;
        }
        if (score <= -ENTER || (from == MarketRegime.BEAR && score <= -EXIT)) {
            return MarketRegime.BEAR;
        }
        return MarketRegime.SIDEWAYS;
    }

    /** The eight votes, in a fixed order. */
    public static List<Vote> votes(RegimeInputs in) {
        List<Vote> votes = new ArrayList<>(8);
        // 1. long trend: lead close vs its SMA200
        votes.add(sign("trend200", 2.0, in.leadClose() / in.leadSma200() - 1, 0, "BTC %s%% vs its SMA200"));
        // 2. medium trend: lead close vs its SMA50
        votes.add(sign("trend50", 1.0, in.leadClose() / in.leadSma50() - 1, 0, "BTC %s%% vs its SMA50"));
        // 3. SMA50 slope over 10 candles, ±1 % band
        votes.add(sign(
                "slope50", 1.0, in.leadSma50() / in.leadSma50TenDaysAgo() - 1, SLOPE_BAND, "SMA50 %s%% over 10 days"));
        // 4. drawdown from the 365-day high
        double drawdown = in.leadClose() / in.leadHigh365() - 1;
        if (Double.isNaN(drawdown)) {
            votes.add(new Vote("drawdown", null, 1.5, "no 365-day high"));
        } else {
            int v = drawdown <= DRAWDOWN_BEAR ? -1 : drawdown >= DRAWDOWN_BULL ? 1 : 0;
            votes.add(new Vote("drawdown", v, 1.5, "BTC " + pct(drawdown) + "% from its 365-day high"));
        }
        // 5. breadth: share of the assets above their SMA50
        if (in.breadthCounted() == 0) {
            votes.add(new Vote("breadth", null, 1.0, "no asset with 50 days of history"));
        } else {
            double share = (double) in.breadthAbove() / in.breadthCounted();
            int v = share >= BREADTH_BULL ? 1 : share <= BREADTH_BEAR ? -1 : 0;
            votes.add(new Vote(
                    "breadth", v, 1.0, in.breadthAbove() + " of " + in.breadthCounted() + " assets above their SMA50"));
        }
        // 6. volatility stress: violent and falling is bearish; calm says nothing about direction
        if (Double.isNaN(in.leadVolatility30()) || Double.isNaN(in.leadReturn30())) {
            votes.add(new Vote("volatility", null, 1.0, "less than 31 days of returns"));
        } else {
            boolean stress = in.leadVolatility30() > VOLATILITY_STRESS && in.leadReturn30() < 0;
            votes.add(new Vote(
                    "volatility",
                    stress ? -1 : 0,
                    1.0,
                    "30-day volatility " + pct(in.leadVolatility30()) + "% annualised, 30-day return "
                            + pct(in.leadReturn30()) + "%"));
        }
        // 7. fear & greed, 7-day mean
        if (Double.isNaN(in.fearGreed7())) {
            votes.add(new Vote("fearGreed", null, 0.5, "no fear & greed value in the last 7 days"));
        } else {
            int v = in.fearGreed7() >= GREED ? 1 : in.fearGreed7() <= FEAR ? -1 : 0;
            votes.add(new Vote(
                    "fearGreed", v, 0.5, String.format(Locale.ROOT, "fear & greed 7-day mean %.1f", in.fearGreed7())));
        }
        // 8. total market cap vs its 200-day mean
        votes.add(sign(
                "totalMarket",
                1.0,
                in.totalMarketCap() / in.totalMarketSma200() - 1,
                0,
                "total market cap %s%% vs its 200-day mean"));
        return votes;
    }

    /** +1 above {@code band}, −1 below −{@code band}, 0 between; abstains on NaN. */
    private static Vote sign(String rule, double weight, double relative, double band, String reason) {
        if (Double.isNaN(relative) || Double.isInfinite(relative)) {
            return new Vote(rule, null, weight, "not enough history");
        }
        int v = relative > band ? 1 : relative < -band ? -1 : 0;
        return new Vote(rule, v, weight, String.format(Locale.ROOT, reason, pct(relative)));
    }

    private static String pct(double relative) {
        return String.format(Locale.ROOT, "%+.1f", relative * 100);
    }
}
