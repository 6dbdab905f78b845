package org.coinpilot.macro.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV shapes of the shared macro files (small fixtures of our own written from their documented shapes). */
class MacroCsvTest {

    static final MacroCsv.Columns FNG =
            new MacroCsv.Columns(List.of("date"), List.of("value", "score"), List.of("classification", "rating"));
    static final MacroCsv.Columns VALUE =
            new MacroCsv.Columns(List.of("date"), List.of("value", "close", "gold_price"), null);

    @Test
    void shouldReadDayValueAndLabelWhenGivenThePrimaryFearAndGreedShape() {
        MacroCsv.Parsed p = MacroCsv.parse("""
                date,timestamp,value,classification
                2018-02-01,1517443200,30.0,Fear
                2018-02-02,1517529600,15.0,Extreme Fear
                """, FNG, BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
        assertThat(p.values())
                .containsExactly(
                        new MacroCsv.Value(1, LocalDate.parse("2018-02-01"), new BigDecimal("30.00"), "Fear"),
                        new MacroCsv.Value(2, LocalDate.parse("2018-02-02"), new BigDecimal("15.00"), "Extreme Fear"));
    }

    @Test
    void shouldReadScoreAndRatingWhenGivenTheSecondCopysShape() {
        MacroCsv.Parsed p = MacroCsv.parse(
                "date,score,rating\n2018-02-01,30,Fear\n", FNG, BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
        assertThat(p.values().get(0).label()).isEqualTo("Fear");
        assertThat(p.values().get(0).value()).isEqualByComparingTo("30");
    }

    @Test
    void shouldTakeTheFirstTwoColumnsWhenThereIsNoHeader() {
        MacroCsv.Parsed p = MacroCsv.parse("2023-01-03,1839.70\n2023-01-04,1852.80\n", VALUE, null, null, 18);
        assertThat(p.values()).hasSize(2);
        assertThat(p.received()).isEqualTo(2);
        assertThat(p.values().get(1).value()).isEqualByComparingTo("1852.80");
    }

    @Test
    void shouldSkipYfinancesSecondHeaderLineWhenReadingItsGoldFile() {
        MacroCsv.Parsed p = MacroCsv.parse("""
                date,gold_price,High,Low,Open,Volume
                ,GC=F,GC=F,GC=F,GC=F,GC=F
                2015-01-02,1186.0,1194.5,1169.5,1184.0,138
                """, VALUE, null, null, 18);
        assertThat(p.rejected()).isEmpty();
        assertThat(p.values()).singleElement().satisfies(v -> {
            assertThat(v.row()).isEqualTo(1);
            assertThat(v.value()).isEqualByComparingTo("1186.0");
        });
    }

    @Test
    void shouldReadTheCloseColumnWhenGivenYahoosShape() {
        MacroCsv.Parsed p = MacroCsv.parse(
                "Date,Close,High,Low,Open\n1990-01-02,17.239999771118164,17.24,17.24,17.24\n", VALUE, null, null, 18);
        assertThat(p.values().get(0).value()).isEqualByComparingTo("17.239999771118164");
    }

    @Test
    void shouldCountHolidaysAsAbsentNeverZeroWhenTheValueIsBlank() {
        MacroCsv.Parsed p =
                MacroCsv.parse("date,value\n2024-01-01,\n2024-01-02,4.95\n2024-01-03\n", VALUE, null, null, 18);
        assertThat(p.absent()).isEqualTo(2);
        assertThat(p.values()).extracting(MacroCsv.Value::day).containsExactly(LocalDate.parse("2024-01-02"));
        assertThat(p.rejected()).isEmpty();
    }

    @Test
    void shouldRejectBadRowsWithTheirRowNumberAndKeepTheValidOnesWhenRowsAreBroken() {
        MacroCsv.Parsed p = MacroCsv.parse("""
                date,value
                2024-01-01,10
                2024-13-01,11
                2024-01-03,abc
                2024-01-04,101
                2024-01-01,12
                2024-01-06,NaN
                2024-01-07,50
                """, FNG, BigDecimal.ZERO, BigDecimal.valueOf(100), 2);
        assertThat(p.received()).isEqualTo(7);
        assertThat(p.values()).extracting(MacroCsv.Value::row).containsExactly(1, 7);
        assertThat(p.rejected())
                .containsExactly(
                        new MacroCsv.Rejected(2, "date: not a YYYY-MM-DD day or an ISO-8601 instant"),
                        new MacroCsv.Rejected(3, "value: not a decimal number"),
                        new MacroCsv.Rejected(4, "value: must be between 0 and 100"),
                        new MacroCsv.Rejected(5, "duplicate date 2024-01-01"),
                        new MacroCsv.Rejected(6, "value: not a decimal number"));
    }
}
