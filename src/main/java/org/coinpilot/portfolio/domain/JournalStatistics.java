package org.coinpilot.portfolio.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Statistics of closed trades (docs/portfolio.md, "Journal statistics"). A <em>trade</em> is one cycle of a position:
 * from its first entry from zero to the action that brings it back to zero. Its PnL is the sum of its actions'
 * realized PnL (fees included); its attributes (setup, emotion, market sentiment, timeframe, source) are those of its
 * opening action; its risk is {@code |entry price − stop| × quantity} of the opening action when that gives a stop.
 */
public final class JournalStatistics {

    static final MathContext MC = MathContext.DECIMAL64;

    private JournalStatistics() {}

    /** One closed trade. */
    public record Trade(
            long positionId,
            Long cryptoId,
            String symbol,
            int direction,
            TradeAction opening,
            Instant openedAt,
            Instant closedAt,
            BigDecimal entryPrice,
            BigDecimal pnl,
            BigDecimal risk) {

        /** PnL / initial risk; null without a stop on the opening action. */
        public BigDecimal rMultiple() {
            return risk == null || risk.signum() == 0
                    ? null
                    : pnl.divide(risk, MC).setScale(4, RoundingMode.HALF_EVEN);
        }
    }

    /** The statistics of a group of trades; ratios are null where they are undefined (no wins, no losses, no risk). */
    public record Stats(
            int trades,
            int wins,
            int losses,
            BigDecimal winRate,
            BigDecimal averageWin,
            BigDecimal averageLoss,
            BigDecimal profitFactor,
            BigDecimal expectancy,
            BigDecimal averageR,
            BigDecimal totalPnl) {}

    /** The closed trades of one position's journal (in replay order, with ledger values). */
    public static List<Trade> trades(Position position, List<TradeAction> journal) {
        List<Trade> trades = new ArrayList<>();
        TradeAction opening = null;
        BigDecimal pnl = BigDecimal.ZERO;
        for (TradeAction a : journal) {
            if (opening == null) {
                if (a.actionType == TradeActionType.BUY || a.actionType == TradeActionType.ENTRY) {
                    opening = a;
                    pnl = BigDecimal.ZERO;
                } else {
                    continue;
                }
            }
            pnl = pnl.add(a.pnlRealizedUsd == null ? BigDecimal.ZERO : a.pnlRealizedUsd);
            if (a != opening && a.quantityAfter != null && a.quantityAfter.signum() == 0) {
                BigDecimal risk = opening.stopLoss == null
                        ? null
                        : opening.assetPrice.subtract(opening.stopLoss).abs().multiply(opening.quantity);
                trades.add(new Trade(
                        position.id,
                        position.cryptoId,
                        position.assetSymbol,
                        Ledger.direction(position),
                        opening,
                        opening.executedAt,
                        a.executedAt,
                        a.entryPriceAfter,
                        pnl,
                        risk));
                opening = null;
            }
        }
        return trades;
    }

    public static Stats stats(List<Trade> trades) {
        int wins = 0;
        int losses = 0;
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal rSum = BigDecimal.ZERO;
        int rCount = 0;
        for (Trade t : trades) {
            total = total.add(t.pnl());
            if (t.pnl().signum() > 0) {
                wins++;
                won = won.add(t.pnl());
            } else if (t.pnl().signum() < 0) {
                losses++;
                lost = lost.add(t.pnl());
            }
            if (t.rMultiple() != null) {
                rSum = rSum.add(t.pnl().divide(t.risk(), MC));
                rCount++;
            }
        }
        int n = trades.size();
        return new Stats(
                n,
                wins,
                losses,
                n == 0 ? null : ratio(BigDecimal.valueOf(wins), BigDecimal.valueOf(n)),
                wins == 0 ? null : money(won.divide(BigDecimal.valueOf(wins), MC)),
                losses == 0 ? null : money(lost.divide(BigDecimal.valueOf(losses), MC)),
                losses == 0 ? null : ratio(won, lost.negate()),
                n == 0 ? null : money(total.divide(BigDecimal.valueOf(n), MC)),
                rCount == 0 ? null : rSum.divide(BigDecimal.valueOf(rCount), MC).setScale(4, RoundingMode.HALF_EVEN),
                money(total));
    }

    /** Statistics per value of {@code key} (trades without a value are grouped under {@code none}). */
    public static Map<String, Stats> by(List<Trade> trades, Function<TradeAction, Object> key) {
        Map<String, List<Trade>> groups = new TreeMap<>();
        for (Trade t : trades) {
            Object value = key.apply(t.opening());
            String name = value == null ? "none" : value instanceof Enum<?> e ? e.name() : value.toString();
            groups.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        groups.forEach((k, v) -> stats.put(k, stats(v)));
        return stats;
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
