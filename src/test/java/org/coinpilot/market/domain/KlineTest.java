package org.coinpilot.market.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KlineTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Kline kline(String open, String high, String low, String close, String volume) {
        return Kline.of(
                T,
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                new BigDecimal(volume),
                T.plusSeconds(3599));
    }

    @Test
    void shouldBeConsistentWhenEveryValueFitsItsColumn() {
        assertThat(kline("100", "101", "99", "100.5", "12345.678").inconsistency())
                .isNull();
        assertThat(kline("999999999999.99999999", "999999999999.99999999", "1", "2", "1")
                        .inconsistency())
                .isNull();
    }

    @Test
    void shouldNameTheValueWhenAProviderValueDoesNotFitItsColumn() {
        // stored as is, such a value failed its page's upsert (numeric field overflow) on every run
        assertThat(kline("1", "1000000000000", "1", "1", "1").inconsistency())
                .isEqualTo("high: more than 12 integer digits (numeric(20,8))");
        assertThat(kline("1", "1", "1", "1", "1e28").inconsistency())
                .isEqualTo("volume: more than 28 integer digits (numeric(30,2))");
        // named before the price-order checks it would also break
        assertThat(kline("1e400", "1", "1", "1", "1").inconsistency())
                .isEqualTo("open: more than 12 integer digits (numeric(20,8))");
    }

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void shouldBuildAndJudgeAKlineOfAnyExponentAtOnce() {
        assertThat(kline("1", "1", "1", "1", "1e999999999").inconsistency())
                .isEqualTo("volume: more than 28 integer digits (numeric(30,2))");
    }

    @Test
    void shouldTakeTheQuoteVolumeAsUsdAndKeepBothVolumesExactlyWhenTheSourceGivesThem() {
        Kline k = Kline.ofVolumes(
                T,
                new BigDecimal("100"),
                new BigDecimal("110"),
                new BigDecimal("90"),
                new BigDecimal("105.123456789"),
                new BigDecimal("27174.29903000"),
                new BigDecimal("1169995682.02500140"),
                null);
        assertThat(k.baseVolume().toPlainString()).isEqualTo("27174.29903000");
        assertThat(k.quoteVolume().toPlainString()).isEqualTo("1169995682.02500140");
        assertThat(k.volume().toPlainString()).isEqualTo("1169995682.03");
        assertThat(k.volumeEstimated()).isFalse();
        assertThat(k.close().toPlainString()).isEqualTo("105.12345679");
    }

    @Test
    void shouldEstimateTheUsdVolumeAsCloseTimesBaseVolumeWhenNoQuoteVolumeIsGiven() {
        Kline k = Kline.ofVolumes(
                T,
                new BigDecimal("100"),
                new BigDecimal("110"),
                new BigDecimal("90"),
                new BigDecimal("105.000000005"), // rounds to 105.00000000 (HALF_EVEN): the stored close is used
                new BigDecimal("1000.555"),
                null,
                null);
        assertThat(k.volume().toPlainString()).isEqualTo("105058.28"); // 105 × 1000.555 = 105058.275
        assertThat(k.quoteVolume()).isNull();
        assertThat(k.volumeEstimated()).isTrue();
        assertThat(Kline.ofVolumes(
                                T,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                new BigDecimal("1E+3"),
                                null,
                                null)
                        .baseVolume()
                        .toPlainString())
                .isEqualTo("1000");
        assertThat(Kline.ofVolumes(
                                T,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                new BigDecimal("1.0000000000000000005"),
                                null,
                                null)
                        .baseVolume()
                        .toPlainString())
                .isEqualTo("1.000000000000000000"); // more than 18 decimals: HALF_EVEN to 18
        assertThat(Kline.ofVolumes(
                                T,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                new BigDecimal("1e28"),
                                null,
                                null)
                        .inconsistency())
                .isEqualTo("base_volume: more than 28 integer digits");
    }
}
