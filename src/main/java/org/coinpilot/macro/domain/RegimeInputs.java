package org.coinpilot.macro.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the regime rules read for one day, computed from values on or before that day only (a daily candle of day
 * {@code d} closes at the end of {@code d}; the fear &amp; greed value of {@code d} is published at its start).
 * NaN means "not enough history": the rule that needs it abstains.
 *
 * @param leadClose close of the lead asset's (BTC) daily candle of the day
 * @param leadSma50 mean of its last 50 closes
 * @param leadSma200 mean of its last 200 closes
 * @param leadSma50TenDaysAgo the SMA50 ten candles earlier (its slope)
 * @param leadHigh365 highest close of the last 365 candles
 * @param leadVolatility30 annualised realised volatility of the last 30 daily log returns
 * @param leadReturn30 close / close 30 candles earlier − 1
 * @param breadthAbove assets (of the configured set, lead included) whose close is above their SMA50 on the day
 * @param breadthCounted assets with a candle on the day and 50 closes of history
 * @param fearGreed7 mean fear &amp; greed over the 7 calendar days ending on the day (the days that have one)
 * @param totalMarketCap total crypto market cap of the newest day on or before the day (within 3 days)
 * @param totalMarketSma200 mean of its last 200 values
 */
public record RegimeInputs(
        LocalDate day,
        double leadClose,
        double leadSma50,
        double leadSma200,
        double leadSma50TenDaysAgo,
        double leadHigh365,
        double leadVolatility30,
        double leadReturn30,
        int breadthAbove,
        int breadthCounted,
        double fearGreed7,
        double totalMarketCap,
        double totalMarketSma200) {

    /** Fewest lead candles (up to and including the day) for a day to be classified at all. */
    public static final int MIN_HISTORY = 50;

    /**
     * The inputs of {@code day}, or null when the lead asset has no candle on that day or fewer than
     * {@link #MIN_HISTORY} candles up to it.
     */
    public static RegimeInputs of(
            LocalDate day,
            DailySeries lead,
            List<DailySeries> breadth,
            DailySeries fearGreed,
            DailySeries totalMarket) {
        int i = lead.indexOf(day);
        if (i < 0 || i + 1 < MIN_HISTORY) {
            return null;
        }
        double close = lead.value(i);
        int above = 0;
        int counted = 0;
        for (DailySeries asset : breadth) {
            int j = asset.indexOf(day);
            if (j >= 0 && j + 1 >= 50) {
                counted++;
                if (asset.value(j) > asset.mean(j, 50)) {
                    above++;
                }
            }
        }
        double total = Double.NaN;
        double totalSma = Double.NaN;
        int t = totalMarket.indexAtOrBefore(day);
        if (t >= 0 && !totalMarket.day(t).isBefore(day.minusDays(3))) {
            total = totalMarket.value(t);
            totalSma = totalMarket.mean(t, 200);
        }
        return new RegimeInputs(
                day,
                close,
                lead.mean(i, 50),
                lead.mean(i, 200),
                i >= 10 ? lead.mean(i - 10, 50) : Double.NaN,
                lead.max(i, 365),
                lead.realisedVolatility(i, 30),
                i >= 30 ? close / lead.value(i - 30) - 1 : Double.NaN,
                above,
                counted,
                fearGreed.calendarMean(day, 7),
                total,
                totalSma);
    }

    /** As stored in {@code market_regime_analysis.indicators} (absent inputs are null; numbers rounded to 6 decimals). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("leadClose", round(leadClose));
        json.put("leadSma50", round(leadSma50));
        json.put("leadSma200", round(leadSma200));
        json.put("leadSma50TenDaysAgo", round(leadSma50TenDaysAgo));
        json.put("leadHigh365", round(leadHigh365));
        json.put("leadDrawdown", round(leadClose / leadHigh365 - 1));
        json.put("leadVolatility30", round(leadVolatility30));
        json.put("leadReturn30", round(leadReturn30));
        json.put("breadthAbove", breadthAbove);
        json.put("breadthCounted", breadthCounted);
        json.put("fearGreed7", round(fearGreed7));
        json.put("totalMarketCap", round(totalMarketCap));
        json.put("totalMarketSma200", round(totalMarketSma200));
        return json;
    }

    static Double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1e6) / 1e6;
    }
}
