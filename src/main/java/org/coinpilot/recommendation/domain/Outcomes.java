package org.coinpilot.recommendation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What following a recommendation would have returned over its horizon (docs/recommendations.md, "Outcome"), pure:
 * from the payload's {@code plan} (written by {@link RecommendationRules}) and the stored candles that opened at or
 * after the recommendation's creation and closed by the end of its horizon, oldest first. Each candle is read as
 * high/low/close; when one candle touches both the stop and the target, the stop is taken (the conservative reading,
 * since a candle does not tell which came first).
 */
public final class Outcomes {

    private Outcomes() {}

    /** A stored candle. */
    public record Candle(Instant time, BigDecimal high, BigDecimal low, BigDecimal close) {}

    /** The {@code outcome_result} of a recommendation with this payload plan over these candles. */
    public static Map<String, Object> outcome(
            Map<String, Object> plan, List<Candle> candles, Instant horizonEnd, Instant evaluatedAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evaluatedAt", evaluatedAt.toString());
        out.put("horizonEndsAt", horizonEnd.toString());
        if (plan == null || plan.get("referencePrice") == null) {
            return unavailable(out, "the recommendation has no price to start from");
        }
        if (candles.isEmpty()) {
            return unavailable(out, "no candle is stored in the horizon");
        }
        String action = (String) plan.get("action");
        BigDecimal d = "short".equals(plan.get("direction")) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        BigDecimal ref = decimal(plan.get("referencePrice"));
        BigDecimal quantity = decimal(plan.get("quantity"));
        BigDecimal end = candles.get(candles.size() - 1).close();
        out.put("available", true);
        out.put("action", action);
        out.put("candles", candles.size());
        out.put("firstCandle", candles.get(0).time().toString());
        out.put("lastCandle", candles.get(candles.size() - 1).time().toString());
        out.put("referencePrice", RecommendationRules.text(ref));
        out.put("priceAtHorizonEnd", RecommendationRules.text(end));
        switch (action) {
            case "open" -> open(out, d, ref, quantity, decimal(plan.get("stop")), decimal(plan.get("target")), candles);
            case "close" -> close(out, d, ref, quantity, end);
            case "protect" -> protect(out, d, ref, quantity, decimal(plan.get("stop")), end, candles);
            case "resize" -> resize(out, d, ref, decimal(plan.get("quantityDelta")), end);
            default -> {
                return unavailable(out, "unknown plan action " + action);
            }
        }
        return out;
    }

    /**
     * Entry: entered at the reference (the signal's entry) price, left at the stop or the target, whichever a candle
     * touches first, else at the close of the last candle. Return {@code dir × (exit − entry) / entry}; profit {@code
     * dir × (exit − entry) × quantity} of the sized quantity.
     */
    private static void open(
            Map<String, Object> out,
            BigDecimal d,
            BigDecimal entry,
            BigDecimal quantity,
            BigDecimal stop,
            BigDecimal target,
            List<Candle> candles) {
        String exitReason = "horizon_end";
        BigDecimal exit = candles.get(candles.size() - 1).close();
        Instant exitAt = candles.get(candles.size() - 1).time();
        for (Candle c : candles) {
            if (stop != null && touched(d.negate(), stop, c)) {
                exitReason = "stop_hit";
                exit = stop;
                exitAt = c.time();
                break;
            }
            if (target != null && touched(d, target, c)) {
                exitReason = "target_hit";
                exit = target;
                exitAt = c.time();
                break;
            }
        }
        BigDecimal move = d.multiply(exit.subtract(entry));
        out.put("exitReason", exitReason);
        out.put("exitPrice", RecommendationRules.text(exit));
        out.put("exitCandle", exitAt.toString());
        out.put("returnPercent", percent(move, entry));
        out.put(
                "profitUsd",
                quantity == null ? null : RecommendationRules.text(RecommendationRules.usd(move.multiply(quantity))));
    }

    /**
     * Exit: closing at the reference (latest) price against holding to the horizon's last close: {@code
     * valueOfFollowingUsd = dir × (reference − end) × quantity}; positive is a loss avoided, negative a gain missed.
     */
    private static void close(
            Map<String, Object> out, BigDecimal d, BigDecimal ref, BigDecimal quantity, BigDecimal end) {
        BigDecimal perUnit = d.multiply(ref.subtract(end));
        BigDecimal value = RecommendationRules.usd(perUnit.multiply(quantity));
        out.put("returnPercent", percent(perUnit, ref));
        out.put("valueOfFollowingUsd", RecommendationRules.text(value));
        out.put("lossAvoidedUsd", RecommendationRules.text(value.max(BigDecimal.ZERO)));
        out.put("gainMissedUsd", RecommendationRules.text(value.negate().max(BigDecimal.ZERO)));
    }

    /**
     * Risk management: with the suggested stop the position leaves at the stop when a candle touches it, else it is
     * held to the last close; without it, held. {@code valueOfFollowingUsd} = profit with the stop − profit without.
     */
    private static void protect(
            Map<String, Object> out,
            BigDecimal d,
            BigDecimal ref,
            BigDecimal quantity,
            BigDecimal stop,
            BigDecimal end,
            List<Candle> candles) {
        BigDecimal followedExit = end;
        boolean hit = false;
        for (Candle c : candles) {
            if (stop != null && touched(d.negate(), stop, c)) {
                followedExit = stop;
                hit = true;
                break;
            }
        }
        BigDecimal followed =
                RecommendationRules.usd(d.multiply(followedExit.subtract(ref)).multiply(quantity));
        BigDecimal held = RecommendationRules.usd(d.multiply(end.subtract(ref)).multiply(quantity));
        out.put("stopHit", hit);
        out.put("returnPercent", percent(d.multiply(followedExit.subtract(ref)), ref));
        out.put("profitFollowingUsd", RecommendationRules.text(followed));
        out.put("profitNotFollowingUsd", RecommendationRules.text(held));
        out.put("valueOfFollowingUsd", RecommendationRules.text(followed.subtract(held)));
    }

    /** Rebalance: the quantity change made at the reference price, valued at the end: {@code dir × Δq × (end − ref)}. */
    private static void resize(
            Map<String, Object> out, BigDecimal d, BigDecimal ref, BigDecimal delta, BigDecimal end) {
        BigDecimal value = RecommendationRules.usd(d.multiply(delta).multiply(end.subtract(ref)));
        out.put("returnPercent", percent(d.multiply(end.subtract(ref)), ref));
        out.put("valueOfFollowingUsd", RecommendationRules.text(value));
    }

    /** Whether the candle reached {@code level} in direction {@code side} (+1: its high at or above, −1: its low at or below). */
    private static boolean touched(BigDecimal side, BigDecimal level, Candle c) {
        return side.signum() > 0 ? c.high().compareTo(level) >= 0 : c.low().compareTo(level) <= 0;
    }

    private static String percent(BigDecimal move, BigDecimal base) {
        return RecommendationRules.text(move.multiply(RecommendationRules.HUNDRED)
                .divide(base, RecommendationRules.PERCENT, RoundingMode.HALF_EVEN));
    }

    private static Map<String, Object> unavailable(Map<String, Object> out, String reason) {
        out.put("available", false);
        out.put("reason", reason);
        return out;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
