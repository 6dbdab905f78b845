package org.coinpilot.signal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;

/**
 * The rules that turn one prediction into a signal or into a reason for none (docs/signals.md "Rules"). Pure and
 * deterministic: the same inputs always give the same decision.
 */
public final class SignalRules {

    /** Why a prediction made no signal (counted in the job's result). */
    public enum Skip {
        NO_TIMEFRAME,
        NO_CANDLE,
        OPEN_GAP,
        STALE_DATA,
        STALE_PREDICTION,
        WARMUP,
        NO_EDGE,
        SMALL_MOVE,
        LOW_CONFIDENCE,
        TREND_CONTRADICTS,
        RSI_EXTREME,
        REGIME_CONTRADICTS,
        STOP_NOT_POSITIVE,
        POOR_RISK_REWARD,
        ALREADY_SIGNALLED,
        ALREADY_ACTIVE,
        CONFLICT
    }

    /** The thresholds (from {@code coinpilot.signals.generation}). */
    public record Settings(
            double minMovePercent,
            double minConfidence,
            double maxMase,
            double stopAtrMultiple,
            double minRiskReward,
            double rsiOverbought,
            double rsiOversold,
            String trendIndicator,
            String atrIndicator,
            String rsiIndicator,
            double lowRiskBelowPercent,
            double mediumRiskBelowPercent,
            double highRiskBelowPercent) {}

    /**
     * What one prediction is judged on.
     *
     * @param timeframe the model's timeframe (null: unknown)
     * @param latestCandleTime open time of the newest stored candle of the series (null: none)
     * @param lastClose its close
     * @param staleData a whole candle has closed since it and is not stored
     * @param openGap the series has a recorded gap not filled yet
     * @param indicatorCandleTime the candle of the newest stored indicators (null: none)
     * @param indicators those values by path ({@code RSI}, {@code SMA.50}, {@code ATR.14})
     * @param regime the macro regime known at generation (lowercase), null when none
     */
    public record Inputs(
            Timeframe timeframe,
            int horizon,
            BigDecimal predictedPrice,
            BigDecimal inputPrice,
            BigDecimal confidence,
            Instant targetDatetime,
            Double heldOutMase,
            Instant latestCandleTime,
            BigDecimal lastClose,
            boolean staleData,
            boolean openGap,
            Instant indicatorCandleTime,
            Map<String, Double> indicators,
            String regime) {}

    /** A signal's levels, or {@link #skip} when the prediction makes none. */
    public record Decision(
            Skip skip,
            SignalType type,
            BigDecimal entry,
            BigDecimal target,
            BigDecimal stop,
            BigDecimal riskReward,
            RiskLevel riskLevel,
            int horizonHours,
            Instant expiresAt,
            Instant inputCloseTime,
            Map<String, Object> rationale) {

        static Decision skipped(Skip skip) {
            return new Decision(skip, null, null, null, null, null, null, 0, null, null, Map.of());
        }

        public boolean made() {
            return skip == null;
        }
    }

    /** Price scale of the stop (numeric(38,18) column; 8 places are below any tick size). */
    static final int PRICE_SCALE = 8;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SignalRules() {}

    /** Judges one prediction (the guards first, in the documented order). */
    public static Decision decide(Inputs in, Settings s) {
        if (in.timeframe() == null) {
            return Decision.skipped(Skip.NO_TIMEFRAME);
        }
        if (in.latestCandleTime() == null || in.lastClose() == null) {
            return Decision.skipped(Skip.NO_CANDLE);
        }
        if (in.openGap()) {
            return Decision.skipped(Skip.OPEN_GAP);
        }
        if (in.staleData()) {
            return Decision.skipped(Skip.STALE_DATA);
        }
        Duration tf = in.timeframe().duration();
        Instant latestClose = in.latestCandleTime().plus(tf);
        Instant inputClose = in.targetDatetime().minus(tf.multipliedBy(in.horizon()));
        if (!inputClose.equals(latestClose)) {
            return Decision.skipped(Skip.STALE_PREDICTION);
        }
        Map<String, Double> values = in.indicators() == null ? Map.of() : in.indicators();
        Double trend = values.get(s.trendIndicator());
        Double atr = values.get(s.atrIndicator());
        Double rsi = values.get(s.rsiIndicator());
        if (!in.latestCandleTime().equals(in.indicatorCandleTime())
                || !finite(trend)
                || !finite(atr)
                || !finite(rsi)
                || atr <= 0) {
            return Decision.skipped(Skip.WARMUP);
        }
        if (in.heldOutMase() == null || !(in.heldOutMase() < s.maxMase())) {
            return Decision.skipped(Skip.NO_EDGE);
        }
        BigDecimal entry = in.lastClose();
        BigDecimal move = in.predictedPrice()
                .subtract(in.inputPrice())
                .multiply(HUNDRED)
                .divide(in.inputPrice(), 6, RoundingMode.HALF_EVEN);
        if (move.abs().compareTo(BigDecimal.valueOf(s.minMovePercent())) < 0 || move.signum() == 0) {
            return Decision.skipped(Skip.SMALL_MOVE);
        }
        double confidence = in.confidence() == null ? 0 : in.confidence().doubleValue();
        if (confidence < s.minConfidence()) {
            return Decision.skipped(Skip.LOW_CONFIDENCE);
        }
        boolean isLong = move.signum() > 0;
        double close = entry.doubleValue();
        if (isLong ? !(close > trend) : !(close < trend)) {
            return Decision.skipped(Skip.TREND_CONTRADICTS);
        }
        if (isLong ? rsi >= s.rsiOverbought() : rsi <= s.rsiOversold()) {
            return Decision.skipped(Skip.RSI_EXTREME);
        }
        if (isLong ? "bear".equals(in.regime()) : "bull".equals(in.regime())) {
            return Decision.skipped(Skip.REGIME_CONTRADICTS);
        }
        BigDecimal distance = BigDecimal.valueOf(s.stopAtrMultiple())
                .multiply(BigDecimal.valueOf(atr))
                .setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal stop = isLong ? entry.subtract(distance) : entry.add(distance);
        if (stop.signum() <= 0 || distance.signum() <= 0) {
            return Decision.skipped(Skip.STOP_NOT_POSITIVE);
        }
        BigDecimal target = in.predictedPrice();
        if (isLong ? target.compareTo(entry) <= 0 : target.compareTo(entry) >= 0) {
            // entry is the input close (a fresh prediction), so this only guards rounding of stored prices
            return Decision.skipped(Skip.SMALL_MOVE);
        }
        BigDecimal riskReward = target.subtract(entry).abs().divide(distance, 4, RoundingMode.HALF_EVEN);
        if (riskReward.compareTo(BigDecimal.valueOf(s.minRiskReward())) < 0) {
            return Decision.skipped(Skip.POOR_RISK_REWARD);
        }
        BigDecimal stopPercent = distance.multiply(HUNDRED).divide(entry, 4, RoundingMode.HALF_EVEN);
        RiskLevel risk = riskLevel(stopPercent.doubleValue(), confidence, s);
        long seconds = tf.toSeconds() * in.horizon();
        int hours = (int) Math.max(1, (seconds + 3599) / 3600);

        Map<String, Object> rationale = new LinkedHashMap<>();
        rationale.put("predictedPrice", in.predictedPrice().toPlainString());
        rationale.put("inputPrice", in.inputPrice().toPlainString());
        rationale.put("predictedMovePercent", move.stripTrailingZeros().toPlainString());
        rationale.put(
                "confidence", in.confidence() == null ? null : in.confidence().toPlainString());
        rationale.put("heldOutMase", in.heldOutMase());
        rationale.put("trend", Map.of("indicator", s.trendIndicator(), "value", trend));
        rationale.put("rsi", rsi);
        rationale.put("atr", atr);
        rationale.put("stopAtrMultiple", s.stopAtrMultiple());
        rationale.put("stopPercent", stopPercent.toPlainString());
        rationale.put("regime", in.regime());
        rationale.put("candleTime", in.latestCandleTime().toString());
        return new Decision(
                null,
                isLong ? SignalType.LONG : SignalType.SHORT,
                entry,
                target,
                stop,
                riskReward,
                risk,
                hours,
                in.targetDatetime(),
                inputClose,
                rationale);
    }

    /**
     * LOW / MEDIUM / HIGH / EXTREME by the stop distance in % of entry (a volatility measure), one level higher when
     * the prediction's confidence is below 0.5.
     */
    static RiskLevel riskLevel(double stopPercent, double confidence, Settings s) {
        int level;
        if (stopPercent < s.lowRiskBelowPercent()) {
            level = 0;
        } else if (stopPercent < s.mediumRiskBelowPercent()) {
            level = 1;
        } else if (stopPercent < s.highRiskBelowPercent()) {
            level = 2;
        } else {
            level = 3;
        }
        if (confidence < 0.5) {
            level = Math.min(3, level + 1);
        }
        return RiskLevel.values()[level];
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
