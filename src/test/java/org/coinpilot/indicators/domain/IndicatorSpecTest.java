package org.coinpilot.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorSpecTest {

    static void assertRejected(String key, String problem) {
        assertThatThrownBy(() -> IndicatorSpec.parse(key))
                .isInstanceOf(InvalidIndicatorKeyException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(problem)
                .satisfies(e ->
                        assertThat(((InvalidIndicatorKeyException) e).key()).isEqualTo(key));
    }

    @Test
    void shouldRejectKeyWhenIndicatorIsUnknown() {
        assertRejected("foo_14", "unknown indicator 'foo'");
        assertRejected("RSI_14", "unknown indicator 'RSI'");
        assertRejected("", "empty");
    }

    @Test
    void shouldRejectKeyWhenPeriodIsZeroOrNegative() {
        assertRejected("rsi_0", "period must be >= 2, got 0");
        assertRejected("sma_-5", "period must be >= 2, got -5");
        assertRejected("atr_0", "period must be >= 1, got 0");
        assertRejected("macd_0_26_9", "fast must be >= 2, got 0");
        assertRejected("stoch_14_0", "dPeriod must be >= 1, got 0");
        assertRejected("stochrsi_14_0_3", "kPeriod must be >= 1, got 0");
        assertRejected("sma_1", "period must be >= 2, got 1");
    }

    @Test
    void shouldRejectKeyWhenFastIsNotBelowSlow() {
        assertRejected("macd_26_12_9", "fast period (26) must be < slow period (12)");
        assertRejected("macd_12_12_9", "fast period (12) must be < slow period (12)");
    }

    @Test
    void shouldRejectKeyWhenBollingerKIsNotPositive() {
        assertRejected("bb_20_0", "k must be > 0, got 0");
        assertRejected("bb_20_-2", "k must be > 0, got -2");
        assertRejected("bb_20_0.0", "k must be > 0");
        assertRejected("bb_20_x", "k 'x' is not a plain decimal number");
    }

    @Test
    void shouldRejectKeyWhenParametersAreMalformed() {
        assertRejected("rsi", "expected 1 parameter(s) [period]");
        assertRejected("rsi_14_3", "expected 1 parameter(s) [period]");
        assertRejected("rsi_", "period '' is not a positive integer");
        assertRejected("rsi_14.5", "period '14.5' is not a positive integer");
        assertRejected("rsi_014", "period '014' is not a positive integer");
        assertRejected("rsi_+14", "period '+14' is not a positive integer");
        assertRejected("ema_abc", "period 'abc' is not a positive integer");
        assertRejected("sma_100001", "period must be <= 100000");
        assertRejected("obv_3", "expected 0 parameter(s)");
        assertRejected("macd_12_26", "expected 3 parameter(s) [fast, slow, signal]");
    }

    @Test
    void shouldParseCanonicalKeysWhenParametersAreValid() {
        for (String key : TestSeries.KEYS) {
            assertThat(IndicatorSpec.parse(key).key()).isEqualTo(key);
        }
        assertThat(IndicatorSpec.parse("macd").key()).isEqualTo("macd_12_26_9");
        assertThat(IndicatorSpec.parse("bb").key()).isEqualTo("bb_20_2");
        assertThat(IndicatorSpec.parse("stoch").key()).isEqualTo("stoch_14_3");
        assertThat(IndicatorSpec.parse("stochrsi").key()).isEqualTo("stochrsi_14_14_3");
        assertThat(IndicatorSpec.parse("bb_20_2.50").key()).isEqualTo("bb_20_2.5");
        assertThat(IndicatorSpec.bollinger(20, 2.0)).isEqualTo(IndicatorSpec.parse("bb_20_2"));
        assertThat(IndicatorSpec.macd(12, 26, 9)).isEqualTo(IndicatorSpec.parse("macd_12_26_9"));
    }

    @Test
    void shouldDescribeWarmupOutputsAndVariantWhenAsked() {
        assertThat(IndicatorSpec.parse("sma_50").warmup()).isEqualTo(49);
        assertThat(IndicatorSpec.parse("ema_20").warmup()).isEqualTo(19);
        assertThat(IndicatorSpec.parse("rsi_14").warmup()).isEqualTo(14);
        assertThat(IndicatorSpec.parse("macd_12_26_9").warmup()).isEqualTo(33);
        assertThat(IndicatorSpec.parse("bb_20_2").warmup()).isEqualTo(19);
        assertThat(IndicatorSpec.parse("atr_14").warmup()).isEqualTo(14);
        assertThat(IndicatorSpec.parse("stoch_14_3").warmup()).isEqualTo(15);
        assertThat(IndicatorSpec.parse("obv").warmup()).isZero();
        assertThat(IndicatorSpec.parse("vwap").warmup()).isZero();
        assertThat(IndicatorSpec.parse("adx_14").warmup()).isEqualTo(27);
        assertThat(IndicatorSpec.parse("cci_20").warmup()).isEqualTo(19);
        assertThat(IndicatorSpec.parse("willr_14").warmup()).isEqualTo(13);
        assertThat(IndicatorSpec.parse("roc_10").warmup()).isEqualTo(10);
        assertThat(IndicatorSpec.parse("mfi_14").warmup()).isEqualTo(14);
        assertThat(IndicatorSpec.parse("stochrsi_14_14_3").warmup()).isEqualTo(29);

        assertThat(IndicatorSpec.parse("macd").outputs()).containsExactly("value", "signal", "histogram");
        assertThat(IndicatorSpec.parse("bb").outputs()).containsExactly("upper", "middle", "lower");
        assertThat(IndicatorSpec.parse("stoch").outputs()).containsExactly("k", "d");
        assertThat(IndicatorSpec.parse("rsi_14").outputs()).containsExactly("value");
        assertThat(IndicatorSpec.parse("rsi_14").variant())
                .startsWith("Wilder RSI, TA-Lib seeding: simple mean of the first 14 changes");
        for (IndicatorKind kind : IndicatorKind.values()) {
            String key = kind == IndicatorKind.VWAP_ANCHORED
                    ? "avwap_20240101"
                    : kind.defaultParameters() != null ? kind.prefix() : kind.prefix() + "_14";
            assertThat(IndicatorSpec.parse(key).variant()).isNotBlank();
            assertThat(IndicatorSpec.parse(key).kind()).isEqualTo(kind);
        }
    }
}
