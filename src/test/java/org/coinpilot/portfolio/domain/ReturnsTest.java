package org.coinpilot.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Return metrics on cash-flow series with known answers; each test names where its expected value comes from. */
class ReturnsTest {

    static Returns.Day day(String date, String value, String flow) {
        return new Returns.Day(LocalDate.parse(date), new BigDecimal(value), new BigDecimal(flow));
    }

    @Test
    void shouldLinkDailyReturnsWhenMoneyComesAndGoes() {
        // Source: worked by hand. 1000 in on day 1, worth 1100 at its end: r1 = 100 / 1000 = 10 %.
        // Day 2: 500 more in, worth 1500: r2 = (1500 - 1100 - 500) / (1100 + 500) = -6.25 %.
        // Day 3: 300 out, worth 1300: r3 = (1300 - 1500 + 300) / 1500 = 6.666… %.
        // TWR = 1.1 x 0.9375 x 16/15 - 1 = 1.1 - 1 = 10 % exactly.
        Metric twr = Returns.timeWeighted(
                BigDecimal.ZERO,
                List.of(
                        day("2024-01-01", "1100", "1000"),
                        day("2024-01-02", "1500", "500"),
                        day("2024-01-03", "1300", "-300")));

        assertThat(twr.available()).isTrue();
        assertThat(twr.value().doubleValue()).isCloseTo(0.10, within(1e-12));
        assertThat(twr.formula()).startsWith("TWR");
        assertThat((List<?>) twr.inputs().get("days")).hasSize(3);
    }

    @Test
    void shouldSkipDaysWithNothingInvestedAndSayWhyWhenThereAreNone() {
        // Source: worked by hand: days before the first contribution carry no return; 200 -> 210 is 5 %.
        Metric twr = Returns.timeWeighted(
                BigDecimal.ZERO, List.of(day("2024-01-01", "0", "0"), day("2024-01-02", "210", "200")));
        assertThat(twr.value().doubleValue()).isCloseTo(0.05, within(1e-12));

        Metric none = Returns.timeWeighted(BigDecimal.ZERO, List.of(day("2024-01-01", "0", "0")));
        assertThat(none.available()).isFalse();
        assertThat(none.value()).isNull();
        assertThat(none.unavailableReason()).contains("no capital");
    }

    @Test
    void shouldMatchTheSpreadsheetXirrExampleWhenFlowsAreIrregular() {
        // Source: Microsoft's documentation of the Excel XIRR function (support.microsoft.com, "XIRR function"),
        // whose example gives 0.373362535 for these five flows.
        Metric xirr = Returns.moneyWeighted(List.of(
                new Returns.CashFlow(LocalDate.parse("2008-01-01"), -10000),
                new Returns.CashFlow(LocalDate.parse("2008-03-01"), 2750),
                new Returns.CashFlow(LocalDate.parse("2008-10-30"), 4250),
                new Returns.CashFlow(LocalDate.parse("2009-02-15"), 3250),
                new Returns.CashFlow(LocalDate.parse("2009-04-01"), 2750)));

        assertThat(xirr.value().doubleValue()).isCloseTo(0.373362535, within(1e-8));
    }

    @Test
    void shouldAnnualiseWithActual365WhenTwoFlowsSpanALeapYear() {
        // Source: the XIRR definition solved in closed form for two flows: 1000 out, 1100 back 366 days later
        // (2020 is a leap year): r = 1.1^(365/366) - 1.
        Metric xirr = Returns.moneyWeighted(List.of(
                new Returns.CashFlow(LocalDate.parse("2020-01-01"), -1000),
                new Returns.CashFlow(LocalDate.parse("2021-01-01"), 1100)));

        assertThat(xirr.value().doubleValue()).isCloseTo(Math.pow(1.1, 365.0 / 366.0) - 1, within(1e-10));
    }

    @Test
    void shouldBeUnavailableWhenFlowsCannotGiveARate() {
        assertThat(Returns.moneyWeighted(List.of()).unavailableReason()).contains("fewer than two");
        assertThat(Returns.moneyWeighted(List.of(
                                new Returns.CashFlow(LocalDate.parse("2020-01-01"), -1000),
                                new Returns.CashFlow(LocalDate.parse("2020-02-01"), -1000)))
                        .unavailableReason())
                .contains("sign");
    }

    @Test
    void shouldDivideTheGainByTheAverageInvestmentWhenCapitalChanges() {
        // Source: worked by hand. Invested after each day: 1000, 1500, 1200 -> average 1233.33…;
        // gain = 1300 - 0 - (1000 + 500 - 300) = 100; ROAI = 100 / 1233.33… = 0.0810810…
        Metric roai = Returns.onAverageInvestment(
                BigDecimal.ZERO,
                List.of(
                        day("2024-01-01", "1100", "1000"),
                        day("2024-01-02", "1500", "500"),
                        day("2024-01-03", "1300", "-300")));

        assertThat(roai.value().doubleValue()).isCloseTo(100.0 / (3700.0 / 3.0), within(1e-10));
        assertThat(roai.inputs()).containsEntry("gain", "100");

        Metric none = Returns.onAverageInvestment(BigDecimal.ZERO, List.of(day("2024-01-01", "0", "0")));
        assertThat(none.available()).isFalse();
    }
}
