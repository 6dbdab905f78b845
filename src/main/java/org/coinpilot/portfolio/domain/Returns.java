package org.coinpilot.portfolio.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Return metrics over a period of UTC days (docs/portfolio.md, "Returns"), each with its formula and inputs:
 * time-weighted (daily-linked), money-weighted (XIRR, Actual/365 as spreadsheets compute it) and return on average
 * investment. Flows are seen from the book: a contribution (money put into positions) is positive, a withdrawal
 * (proceeds taken out) negative.
 */
public final class Returns {

    static final MathContext MC = MathContext.DECIMAL64;
    static final int SCALE = 10;

    private Returns() {}

    /** One UTC day: the book's value at its end and the net flow during it. */
    public record Day(LocalDate date, BigDecimal value, BigDecimal flow) {}

    /** A dated cash flow for XIRR, from the investor's side: money paid in negative, money received positive. */
    public record CashFlow(LocalDate date, double amount) {}

    /**
     * Daily-linked time-weighted return: {@code Π(1 + r_d) − 1} with {@code r_d = (V_d − V_{d−1} − F_d) / (V_{d−1} +
     * max(F_d, 0))} — contributions count from the start of their day, withdrawals at its end. Days with nothing
     * invested (base 0) are skipped. Unavailable without any day with capital at risk.
     */
    public static Metric timeWeighted(BigDecimal startValue, List<Day> days) {
        String formula = "TWR = prod(1 + r_d) - 1, r_d = (V_d - V_(d-1) - F_d) / (V_(d-1) + max(F_d, 0))";
        BigDecimal previous = startValue;
        BigDecimal growth = BigDecimal.ONE;
        List<Map<String, Object>> linked = new ArrayList<>();
        for (Day day : days) {
            BigDecimal base = previous.add(day.flow().max(BigDecimal.ZERO));
            if (base.signum() > 0) {
                BigDecimal gain = day.value().subtract(previous).subtract(day.flow());
                BigDecimal r = gain.divide(base, MC);
                growth = growth.multiply(BigDecimal.ONE.add(r), MC);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", day.date().toString());
                row.put("value", day.value().toPlainString());
                row.put("flow", day.flow().toPlainString());
                row.put("return", r.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString());
                linked.add(row);
            }
            previous = day.value();
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("startValue", startValue.toPlainString());
        inputs.put("days", linked);
        if (linked.isEmpty()) {
            return Metric.unavailable("no capital was invested on any day of the period", formula, inputs);
        }
        return Metric.of(growth.subtract(BigDecimal.ONE).setScale(SCALE, RoundingMode.HALF_EVEN), formula, inputs);
    }

    /**
     * The rate {@code r} with {@code Σ a_i / (1 + r)^((t_i − t_0) / 365) = 0} (Newton's method from 10 %, bisection
     * over ln(1 + r) when it does not converge (annualised rates of a few days can be huge)). Unavailable with fewer than two flows, without both signs, or
     * without a root.
     */
    public static Metric moneyWeighted(List<CashFlow> flows) {
        String formula = "XIRR: sum(a_i / (1 + r)^((t_i - t_0) / 365)) = 0";
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CashFlow f : flows) {
            rows.add(Map.of(
                    "date",
                    f.date().toString(),
                    "amount",
                    BigDecimal.valueOf(f.amount()).toPlainString()));
        }
        inputs.put("cashFlows", rows);
        if (flows.size() < 2) {
            return Metric.unavailable("fewer than two cash flows", formula, inputs);
        }
        boolean paid = flows.stream().anyMatch(f -> f.amount() < 0);
        boolean received = flows.stream().anyMatch(f -> f.amount() > 0);
        if (!paid || !received) {
            return Metric.unavailable("the cash flows do not change sign", formula, inputs);
        }
        Double rate = xirr(flows);
        if (rate == null) {
            return Metric.unavailable("no rate solves the cash flows", formula, inputs);
        }
        return Metric.of(BigDecimal.valueOf(rate).setScale(SCALE, RoundingMode.HALF_EVEN), formula, inputs);
    }

    /**
     * Return on average investment: gain / average invested capital, gain = {@code V_end − V_start − ΣF}, invested
     * capital of a day = {@code V_start + ΣF} up to its end, averaged over the days of the period. Unavailable when
     * the average is not positive.
     */
    public static Metric onAverageInvestment(BigDecimal startValue, List<Day> days) {
        String formula = "ROAI = (V_end - V_start - sum(F)) / mean_d(V_start + sum(F up to d))";
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("startValue", startValue.toPlainString());
        if (days.isEmpty()) {
            return Metric.unavailable("the period has no days", formula, inputs);
        }
        BigDecimal invested = startValue;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal flows = BigDecimal.ZERO;
        for (Day day : days) {
            invested = invested.add(day.flow());
            flows = flows.add(day.flow());
            sum = sum.add(invested);
        }
        BigDecimal average = sum.divide(BigDecimal.valueOf(days.size()), MC);
        BigDecimal end = days.get(days.size() - 1).value();
        BigDecimal gain = end.subtract(startValue).subtract(flows);
        inputs.put("endValue", end.toPlainString());
        inputs.put("netFlows", flows.toPlainString());
        inputs.put("gain", gain.toPlainString());
        inputs.put(
                "averageInvestment", average.setScale(8, RoundingMode.HALF_EVEN).toPlainString());
        inputs.put("days", days.size());
        if (average.signum() <= 0) {
            return Metric.unavailable("no capital was invested on average over the period", formula, inputs);
        }
        return Metric.of(gain.divide(average, MC).setScale(SCALE, RoundingMode.HALF_EVEN), formula, inputs);
    }

    static Double xirr(List<CashFlow> flows) {
        LocalDate t0 = flows.get(0).date();
        double[] years = new double[flows.size()];
        double[] amounts = new double[flows.size()];
        for (int i = 0; i < flows.size(); i++) {
            years[i] = ChronoUnit.DAYS.between(t0, flows.get(i).date()) / 365.0;
            amounts[i] = flows.get(i).amount();
        }
        double r = 0.1;
        for (int i = 0; i < 100; i++) {
            double f = npv(r, years, amounts);
            double df = 0;
            for (int k = 0; k < years.length; k++) {
                df -= years[k] * amounts[k] / Math.pow(1 + r, years[k] + 1);
            }
            if (df == 0 || !Double.isFinite(df)) {
                break;
            }
            double next = r - f / df;
            if (!Double.isFinite(next) || next <= -1) {
                break;
            }
            if (Math.abs(next - r) < 1e-12) {
                return next;
            }
            r = next;
        }
        // bisection on g = ln(1 + r), from r = -0.9999 to e^700 - 1: any rate a few days of flows can give
        double lo = Math.log(0.0001);
        double hi = 700;
        double flo = npvLog(lo, years, amounts);
        double fhi = npvLog(hi, years, amounts);
        if (Double.isNaN(flo) || Double.isNaN(fhi) || flo * fhi > 0) {
            return null;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = (lo + hi) / 2;
            double fm = npvLog(mid, years, amounts);
            if (fm == 0) {
                return Math.expm1(mid);
            }
            if (flo * fm < 0) {
                hi = mid;
            } else {
                lo = mid;
                flo = fm;
            }
        }
        double rate = Math.expm1((lo + hi) / 2);
        return Double.isFinite(rate) ? rate : null;
    }

    private static double npvLog(double g, double[] years, double[] amounts) {
        double sum = 0;
        for (int k = 0; k < years.length; k++) {
            sum += amounts[k] * Math.exp(-g * years[k]);
        }
        return sum;
    }

    private static double npv(double rate, double[] years, double[] amounts) {
        double sum = 0;
        for (int k = 0; k < years.length; k++) {
            sum += amounts[k] / Math.pow(1 + rate, years[k]);
        }
        return sum;
    }
}
