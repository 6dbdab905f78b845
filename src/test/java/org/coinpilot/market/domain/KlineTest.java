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
}
