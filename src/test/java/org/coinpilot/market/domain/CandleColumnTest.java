package org.coinpilot.market.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The column limits of {@link CandleColumn}: what fits numeric(20,8) / numeric(30,2) once rounded. */
class CandleColumnTest {

    @Test
    void shouldAcceptTheLargestValuesTheColumnsHoldAndRefuseOneUnitMore() {
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("999999999999.99999999")))
                .isNull();
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("-999999999999.99999999")))
                .isNull();
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("1000000000000")))
                .isEqualTo("more than 12 integer digits (numeric(20,8))");
        assertThat(CandleColumn.VOLUME.overflow(new BigDecimal("9999999999999999999999999999.99")))
                .isNull();
        assertThat(CandleColumn.VOLUME.overflow(new BigDecimal("1e28")))
                .isEqualTo("more than 28 integer digits (numeric(30,2))");
    }

    @Test
    void shouldJudgeTheRoundedValueWhenItHasMoreDecimalsThanTheScale() {
        // HALF_EVEN: ...99|5 after an odd digit rounds up to 10^12, which no longer fits
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("999999999999.999999995")))
                .isNotNull();
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("999999999999.999999994")))
                .isNull();
        assertThat(CandleColumn.PRICE.round(new BigDecimal("100.123456785"))).isEqualByComparingTo("100.12345678");
        assertThat(CandleColumn.PRICE.round(new BigDecimal("100.123456775"))).isEqualByComparingTo("100.12345678");
        assertThat(CandleColumn.VOLUME.round(new BigDecimal("0.005"))).isEqualByComparingTo("0");
        assertThat(CandleColumn.PRICE.round(new BigDecimal("5e-9"))).isEqualByComparingTo("0");
        assertThat(CandleColumn.PRICE.round(new BigDecimal("5.1e-9"))).isEqualByComparingTo("0.00000001");
    }

    @Test
    void shouldTreatZeroOfAnyExponentAsFitting() {
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("0E+50"))).isNull();
        assertThat(CandleColumn.VOLUME.round(new BigDecimal("0E+50")).scale()).isEqualTo(2);
    }

    @Test
    @Timeout(5)
    void shouldAnswerAtOnceForExtremeExponents() {
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("1e999999999"))).isNotNull();
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("-1e999999999"))).isNotNull();
        assertThat(CandleColumn.PRICE.overflow(new BigDecimal("1e-999999999"))).isNull();
        assertThat(CandleColumn.PRICE.round(new BigDecimal("1e-999999999"))).isEqualByComparingTo("0");
        // too large to store: returned as it is, not scaled to a billion-digit number
        assertThat(CandleColumn.VOLUME.round(new BigDecimal("1e999999999"))).isEqualByComparingTo("1e999999999");
    }
}
