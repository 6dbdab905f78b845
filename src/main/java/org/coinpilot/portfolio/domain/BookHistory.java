package org.coinpilot.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The book's daily values and cash flows over a period of UTC days, from the positions' journals (their ledger values
 * after each action) and stored daily closes (docs/portfolio.md, "Returns"). Positions of assets outside the catalogue
 * have no closes and are left out (listed in {@link Result#excluded}).
 *
 * <ul>
 *   <li>value of a position at the end of day d: {@code Q·A + dir·(close_d − A)·Q} with Q and A after its last action
 *       before the end of d (for a long, Q·close);
 *   <li>flow of an action (into the book): {@code BUY}/{@code ENTRY} {@code +(q·p + fee)}; a reduction
 *       {@code −(q·A + dir·(p − A)·q − fee)} (for a long, the proceeds q·p − fee).
 * </ul>
 */
public final class BookHistory {

    private BookHistory() {}

    /**
     * @param startValue value at the end of the day before {@code from}
     * @param days each day of the period with its value and net flow
     * @param flows the net flow of each day with one (for XIRR)
     * @param missing the first (asset, day) whose daily close is needed and not stored; null when none is missing
     * @param incomplete the days (the day before {@code from} included) whose value lacks a close
     * @param excluded symbols of positions left out (outside the catalogue)
     */
    public record Result(
            BigDecimal startValue,
            List<Returns.Day> days,
            Map<LocalDate, BigDecimal> flows,
            String missing,
            java.util.Set<LocalDate> incomplete,
            List<String> excluded) {}

    /** {@code journals}: each position's actions in replay order {@code (executedAt, id)}. */
    public static Result of(
            List<Position> positions,
            Map<Long, List<TradeAction>> journals,
            Map<Long, Map<LocalDate, BigDecimal>> closes,
            LocalDate from,
            LocalDate to) {
        List<String> excluded = new ArrayList<>();
        Map<LocalDate, BigDecimal> flows = new TreeMap<>();
        String missing = null;
        java.util.Set<LocalDate> incomplete = new java.util.TreeSet<>();
        BigDecimal startValue = BigDecimal.ZERO;
        Map<LocalDate, BigDecimal> values = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            values.put(d, BigDecimal.ZERO);
        }
        for (Position p : positions) {
            List<TradeAction> journal = journals.getOrDefault(p.id, List.of());
            if (p.cryptoId == null) {
                if (!journal.isEmpty()) {
                    excluded.add(p.assetSymbol);
                }
                continue;
            }
            int dir = Ledger.direction(p);
            Map<LocalDate, BigDecimal> assetCloses = closes.getOrDefault(p.cryptoId, Map.of());
            for (TradeAction a : journal) {
                LocalDate day = day(a.executedAt);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    flows.merge(day, flow(a, dir), BigDecimal::add);
                }
            }
            // the journal is in replay order and the days ascend: one pass over both (the last action before the
            // end of each day), not a scan of the journal per day
            int next = 0;
            TradeAction last = null;
            for (LocalDate d = from.minusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                Instant end = d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                while (next < journal.size() && journal.get(next).executedAt.isBefore(end)) {
                    last = journal.get(next++);
                }
                if (last == null || last.quantityAfter == null || last.quantityAfter.signum() == 0) {
                    continue;
                }
                BigDecimal close = assetCloses.get(d);
                if (close == null) {
                    incomplete.add(d);
                    if (missing == null) {
                        missing = p.assetSymbol + " on " + d;
                    }
                    continue;
                }
                BigDecimal q = last.quantityAfter;
                BigDecimal avg = last.entryPriceAfter;
                BigDecimal value =
                        q.multiply(avg).add(close.subtract(avg).multiply(q).multiply(BigDecimal.valueOf(dir)));
                if (d.isBefore(from)) {
                    startValue = startValue.add(value);
                } else {
                    values.merge(d, value, BigDecimal::add);
                }
            }
        }
        List<Returns.Day> days = new ArrayList<>();
        values.forEach((d, v) -> days.add(new Returns.Day(d, v, flows.getOrDefault(d, BigDecimal.ZERO))));
        return new Result(startValue, days, flows, missing, incomplete, excluded);
    }

    /** The flow of one action into the book (see the class comment). */
    public static BigDecimal flow(TradeAction a, int dir) {
        BigDecimal fee = a.feesPaid == null ? BigDecimal.ZERO : a.feesPaid;
        return switch (a.actionType) {
            case BUY, ENTRY -> a.quantity.multiply(a.assetPrice).add(fee);
            case SELL, PARTIAL_SELL, PARTIAL_EXIT, FULL_EXIT ->
                a.quantity
                        .multiply(a.entryPriceAfter)
                        .add(a.assetPrice
                                .subtract(a.entryPriceAfter)
                                .multiply(a.quantity)
                                .multiply(BigDecimal.valueOf(dir)))
                        .subtract(fee)
                        .negate();
            case MODIFY_SL, MODIFY_TP -> fee;
        };
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
