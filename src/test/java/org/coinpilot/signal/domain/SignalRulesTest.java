package org.coinpilot.signal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.signal.domain.SignalRules.Decision;
import org.coinpilot.signal.domain.SignalRules.Inputs;
import org.coinpilot.signal.domain.SignalRules.Skip;
import org.junit.jupiter.api.Test;

/** The generation rules on hand-checked numbers (docs/signals.md "Rules"). */
class SignalRulesTest {

    static final SignalRules.Settings SETTINGS =
            new SignalRules.Settings(1.0, 0.3, 1.0, 1.5, 1.0, 70, 30, "SMA.50", "ATR.14", "RSI", 2, 5, 10);

    /** The 1d candle opening 2031-03-09 closes 2031-03-10; a one-candle prediction targets 2031-03-11. */
    static final Instant LATEST = Instant.parse("2031-03-09T00:00:00Z");

    static final Instant TARGET = Instant.parse("2031-03-11T00:00:00Z");

    static Inputs inputs(String predicted, Map<String, Double> indicators, String regime) {
        return new Inputs(
                Timeframe.D1,
                1,
                new BigDecimal(predicted),
                new BigDecimal("100"),
                new BigDecimal("0.6"),
                TARGET,
                0.8,
                LATEST,
                new BigDecimal("100"),
                false,
                false,
                LATEST,
                indicators,
                regime);
    }

    static Map<String, Double> indicators(double rsi, double sma, double atr) {
        Map<String, Double> map = new HashMap<>();
        map.put("RSI", rsi);
        map.put("SMA.50", sma);
        map.put("ATR.14", atr);
        return map;
    }

    @Test
    void shouldMakeALongWithHandCheckedLevelsWhenEverythingAgrees() {
        Decision d = SignalRules.decide(inputs("105", indicators(55, 95, 2), "sideways"), SETTINGS);

        assertThat(d.skip()).isNull();
        assertThat(d.type()).isEqualTo(SignalType.LONG);
        assertThat(d.entry()).isEqualByComparingTo("100");
        assertThat(d.target()).isEqualByComparingTo("105");
        // stop = 100 - 1.5 x ATR 2 = 97; reward/risk = 5 / 3
        assertThat(d.stop()).isEqualByComparingTo("97");
        assertThat(d.riskReward()).isEqualByComparingTo("1.6667");
        // stop distance 3 % of entry: MEDIUM (2 <= 3 < 5), confidence 0.6 does not raise it
        assertThat(d.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(d.horizonHours()).isEqualTo(24);
        assertThat(d.expiresAt()).isEqualTo(TARGET);
        assertThat(d.inputCloseTime()).isEqualTo(Instant.parse("2031-03-10T00:00:00Z"));
        assertThat(d.rationale()).containsEntry("predictedMovePercent", "5").containsEntry("stopPercent", "3.0000");
    }

    @Test
    void shouldMakeAShortWithHandCheckedLevelsWhenThePredictionFalls() {
        // predicted 96: -4 %; close 100 under SMA 102; stop = 100 + 1.5 x 1.2 = 101.8; reward/risk 4 / 1.8
        Decision d = SignalRules.decide(inputs("96", indicators(45, 102, 1.2), null), SETTINGS);

        assertThat(d.type()).isEqualTo(SignalType.SHORT);
        assertThat(d.stop()).isEqualByComparingTo("101.8");
        assertThat(d.target()).isEqualByComparingTo("96");
        assertThat(d.riskReward()).isEqualByComparingTo("2.2222");
        // 1.8 % of entry: LOW
        assertThat(d.riskLevel()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void shouldSkipWithTheReasonWhenARuleFails() {
        Map<String, Double> good = indicators(55, 95, 2);
        assertThat(skip(inputs("100.5", good, null))).isEqualTo(Skip.SMALL_MOVE);
        assertThat(skip(inputs("105", indicators(55, 101, 2), null))).isEqualTo(Skip.TREND_CONTRADICTS);
        assertThat(skip(inputs("105", indicators(70, 95, 2), null))).isEqualTo(Skip.RSI_EXTREME);
        assertThat(skip(inputs("105", good, "bear"))).isEqualTo(Skip.REGIME_CONTRADICTS);
        assertThat(skip(inputs("96", indicators(45, 102, 1.2), "bull"))).isEqualTo(Skip.REGIME_CONTRADICTS);
        // stop 1.5 x 4 = 6 away, reward 5: 0.83 < 1
        assertThat(skip(inputs("105", indicators(55, 95, 4), null))).isEqualTo(Skip.POOR_RISK_REWARD);
        // 1.5 x 70 = 105 > entry: the stop would be negative
        assertThat(skip(inputs("105", indicators(55, 95, 70), null))).isEqualTo(Skip.STOP_NOT_POSITIVE);
    }

    @Test
    void shouldSkipWhenTheDataHasGapsOrWarmUpsAreUnmet() {
        Inputs base = inputs("105", indicators(55, 95, 2), null);
        assertThat(skip(with(base, true, false, LATEST, base.indicators()))).isEqualTo(Skip.OPEN_GAP);
        assertThat(skip(with(base, false, true, LATEST, base.indicators()))).isEqualTo(Skip.STALE_DATA);
        // indicators of an older candle: the newest are not computed yet
        assertThat(skip(with(base, false, false, LATEST.minusSeconds(86_400), base.indicators())))
                .isEqualTo(Skip.WARMUP);
        Map<String, Double> noAtr = indicators(55, 95, 2);
        noAtr.remove("ATR.14");
        assertThat(skip(with(base, false, false, LATEST, noAtr))).isEqualTo(Skip.WARMUP);
        Map<String, Double> noSma = indicators(55, 95, 2);
        noSma.remove("SMA.50");
        assertThat(skip(with(base, false, false, LATEST, noSma))).isEqualTo(Skip.WARMUP);
    }

    @Test
    void shouldSkipWhenThePredictionIsStaleOrTheModelHasNoEdge() {
        Inputs base = inputs("105", indicators(55, 95, 2), null);
        Inputs older = new Inputs(
                base.timeframe(),
                1,
                base.predictedPrice(),
                base.inputPrice(),
                base.confidence(),
                TARGET.minusSeconds(86_400),
                0.8,
                LATEST,
                base.lastClose(),
                false,
                false,
                LATEST,
                base.indicators(),
                null);
        assertThat(skip(older)).isEqualTo(Skip.STALE_PREDICTION);
        Inputs naive = new Inputs(
                base.timeframe(),
                1,
                base.predictedPrice(),
                base.inputPrice(),
                base.confidence(),
                TARGET,
                1.0,
                LATEST,
                base.lastClose(),
                false,
                false,
                LATEST,
                base.indicators(),
                null);
        assertThat(skip(naive)).isEqualTo(Skip.NO_EDGE);
        Inputs unknown = new Inputs(
                base.timeframe(),
                1,
                base.predictedPrice(),
                base.inputPrice(),
                base.confidence(),
                TARGET,
                null,
                LATEST,
                base.lastClose(),
                false,
                false,
                LATEST,
                base.indicators(),
                null);
        assertThat(skip(unknown)).isEqualTo(Skip.NO_EDGE);
        Inputs unsure = new Inputs(
                base.timeframe(),
                1,
                base.predictedPrice(),
                base.inputPrice(),
                new BigDecimal("0.2"),
                TARGET,
                0.8,
                LATEST,
                base.lastClose(),
                false,
                false,
                LATEST,
                base.indicators(),
                null);
        assertThat(skip(unsure)).isEqualTo(Skip.LOW_CONFIDENCE);
    }

    @Test
    void shouldRaiseTheRiskLevelWhenTheConfidenceIsLow() {
        assertThat(SignalRules.riskLevel(1.0, 0.9, SETTINGS)).isEqualTo(RiskLevel.LOW);
        assertThat(SignalRules.riskLevel(1.0, 0.4, SETTINGS)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(SignalRules.riskLevel(6.0, 0.9, SETTINGS)).isEqualTo(RiskLevel.HIGH);
        assertThat(SignalRules.riskLevel(12.0, 0.4, SETTINGS)).isEqualTo(RiskLevel.EXTREME);
    }

    @Test
    void shouldDecideTheSameWayEveryTime() {
        Inputs in = inputs("105", indicators(55, 95, 2), "bull");
        assertThat(SignalRules.decide(in, SETTINGS)).isEqualTo(SignalRules.decide(in, SETTINGS));
    }

    static Skip skip(Inputs in) {
        return SignalRules.decide(in, SETTINGS).skip();
    }

    static Inputs with(Inputs b, boolean gap, boolean stale, Instant indicatorTime, Map<String, Double> values) {
        return new Inputs(
                b.timeframe(),
                b.horizon(),
                b.predictedPrice(),
                b.inputPrice(),
                b.confidence(),
                b.targetDatetime(),
                b.heldOutMase(),
                b.latestCandleTime(),
                b.lastClose(),
                stale,
                gap,
                indicatorTime,
                values,
                b.regime());
    }
}
