package org.coinpilot.portfolio.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The average-cost ledger of one position (docs/portfolio.md, "Ledger"): replays a journal, in order, into the
 * position's remaining quantity, average entry and exit prices, fees and realized PnL, and each action's realized
 * PnL and position after it. Pure arithmetic on {@link BigDecimal}: no rounding but the documented one.
 *
 * <ul>
 *   <li>{@code BUY} / {@code ENTRY} open or add to the position in its direction (short for {@code SHORT_POSITION},
 *       long otherwise). Average entry = Σ(quantity × price) / Σ quantity of the open quantity, scale 18 half-even.
 *       Their fee is an <em>open fee</em> of the remaining quantity.
 *   <li>{@code SELL}, {@code PARTIAL_SELL}, {@code PARTIAL_EXIT}, {@code FULL_EXIT} reduce it. Realized PnL of the
 *       action = direction × (price − average entry) × quantity − its fee − the open fees of the quantity exited
 *       (open fees × quantity / remaining, scale 8 half-even; all of them when it exits everything), rounded to 8
 *       decimals half-even. The average entry does not change; the average exit price averages the exits of the
 *       cycle.
 *   <li>{@code MODIFY_SL} / {@code MODIFY_TP} change the position's stop / target; no quantity, no fee.
 * </ul>
 */
public final class Ledger {

    static final int PRICE_SCALE = 18;
    static final int USD_SCALE = 8;

    private Ledger() {}

    /**
     * Resets the ledger fields of {@code position} and applies {@code actions} in the given order (the journal's
     * {@code (executedAt, id)} order), filling each action's {@code pnlRealizedUsd}, {@code quantityAfter} and
     * {@code entryPriceAfter} (and {@code quantity} of a full exit without one).
     *
     * @throws LedgerException naming the field of the first action that cannot be applied
     */
    public static void replay(Position position, List<TradeAction> actions) {
        position.quantity = zero(PRICE_SCALE);
        position.entryPrice = null;
        position.exitPrice = null;
        position.exitedQuantity = zero(PRICE_SCALE);
        position.pnlRealizedUsd = zero(USD_SCALE);
        position.feesPaidUsd = zero(USD_SCALE);
        position.openFeesUsd = zero(USD_SCALE);
        position.tradeStatus = TradeStatus.OPEN;
        position.openedAt = null;
        position.closedAt = null;
        for (TradeAction action : actions) {
            apply(position, action);
        }
    }

    /** +1 for long positions, −1 for {@code SHORT_POSITION}. */
    public static int direction(Position position) {
        return position.assetType == AssetType.SHORT_POSITION ? -1 : 1;
    }

    static void apply(Position p, TradeAction a) {
        BigDecimal fee = a.feesPaid == null ? zero(USD_SCALE) : a.feesPaid;
        switch (a.actionType) {
            case BUY, ENTRY -> increase(p, a, fee);
            case SELL, PARTIAL_SELL, PARTIAL_EXIT, FULL_EXIT -> reduce(p, a, fee);
            case MODIFY_SL, MODIFY_TP -> modify(p, a, fee);
        }
        if (a.stopLoss != null) {
            p.stopLossPrice = a.stopLoss;
        }
        if (a.takeProfit != null) {
            p.takeProfitPrice = a.takeProfit;
        }
        p.feesPaidUsd = p.feesPaidUsd.add(fee);
        a.quantityAfter = p.quantity;
        a.entryPriceAfter = p.entryPrice;
    }

    private static void increase(Position p, TradeAction a, BigDecimal fee) {
        if (a.quantity == null || a.quantity.signum() <= 0) {
            throw new LedgerException(a, "QUANTITY_REQUIRED", "quantity", "must be greater than 0 for " + a.actionType);
        }
        BigDecimal held = p.quantity;
        BigDecimal total = held.add(a.quantity);
        if (held.signum() == 0) {
            p.entryPrice = a.assetPrice.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
            p.exitPrice = null;
            p.exitedQuantity = zero(PRICE_SCALE);
            p.openedAt = a.executedAt;
            p.closedAt = null;
            p.tradeStatus = TradeStatus.OPEN;
        } else {
            p.entryPrice = held.multiply(p.entryPrice)
                    .add(a.quantity.multiply(a.assetPrice))
                    .divide(total, PRICE_SCALE, RoundingMode.HALF_EVEN);
            p.tradeStatus = TradeStatus.ACCUMULATING;
        }
        p.quantity = total.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
        p.openFeesUsd = p.openFeesUsd.add(fee);
        a.pnlRealizedUsd = zero(USD_SCALE);
    }

    private static void reduce(Position p, TradeAction a, BigDecimal fee) {
        BigDecimal held = p.quantity;
        if (held.signum() == 0) {
            throw new LedgerException(
                    a, "POSITION_CLOSED", "actionType", "cannot be " + a.actionType + ": the position holds nothing");
        }
        if (a.actionType == TradeActionType.FULL_EXIT) {
            if (a.quantity == null || a.quantity.signum() == 0) {
                a.quantity = held;
            } else if (a.quantity.compareTo(held) != 0) {
                throw new LedgerException(
                        a,
                        "QUANTITY_MISMATCH",
                        "quantity",
                        "must be the remaining quantity " + plain(held) + " for FULL_EXIT (or absent)");
            }
        } else if (a.quantity == null || a.quantity.signum() <= 0) {
            throw new LedgerException(a, "QUANTITY_REQUIRED", "quantity", "must be greater than 0 for " + a.actionType);
        } else if (a.quantity.compareTo(held) > 0) {
            throw new LedgerException(
                    a, "INSUFFICIENT_QUANTITY", "quantity", "must not exceed the remaining quantity " + plain(held));
        } else if ((a.actionType == TradeActionType.PARTIAL_SELL || a.actionType == TradeActionType.PARTIAL_EXIT)
                && a.quantity.compareTo(held) == 0) {
            throw new LedgerException(
                    a,
                    "QUANTITY_NOT_PARTIAL",
                    "quantity",
                    "must be below the remaining quantity " + plain(held) + " for " + a.actionType
                            + " (use FULL_EXIT or SELL)");
        }
        BigDecimal q = a.quantity;
        boolean all = q.compareTo(held) == 0;
        BigDecimal openFees =
                all ? p.openFeesUsd : p.openFeesUsd.multiply(q).divide(held, USD_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal gross = a.assetPrice.subtract(p.entryPrice).multiply(q).multiply(BigDecimal.valueOf(direction(p)));
        a.pnlRealizedUsd = gross.subtract(fee).subtract(openFees).setScale(USD_SCALE, RoundingMode.HALF_EVEN);
        p.pnlRealizedUsd = p.pnlRealizedUsd.add(a.pnlRealizedUsd);
        p.openFeesUsd = p.openFeesUsd.subtract(openFees);
        BigDecimal exited = p.exitedQuantity.add(q);
        p.exitPrice = p.exitPrice == null
                ? a.assetPrice.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN)
                : p.exitedQuantity
                        .multiply(p.exitPrice)
                        .add(q.multiply(a.assetPrice))
                        .divide(exited, PRICE_SCALE, RoundingMode.HALF_EVEN);
        p.exitedQuantity = exited;
        p.quantity = held.subtract(q);
        if (all) {
            p.tradeStatus = TradeStatus.CLOSED;
            p.closedAt = a.executedAt;
        } else {
            p.tradeStatus = TradeStatus.REDUCING;
        }
    }

    private static void modify(Position p, TradeAction a, BigDecimal fee) {
        if (p.quantity.signum() == 0) {
            throw new LedgerException(
                    a, "POSITION_CLOSED", "actionType", "cannot be " + a.actionType + ": the position holds nothing");
        }
        if (a.actionType == TradeActionType.MODIFY_SL && a.stopLoss == null) {
            throw new LedgerException(a, "STOP_LOSS_REQUIRED", "stopLoss", "is required for MODIFY_SL");
        }
        if (a.actionType == TradeActionType.MODIFY_TP && a.takeProfit == null) {
            throw new LedgerException(a, "TAKE_PROFIT_REQUIRED", "takeProfit", "is required for MODIFY_TP");
        }
        if (a.quantity != null && a.quantity.signum() != 0) {
            throw new LedgerException(a, "QUANTITY_NOT_ALLOWED", "quantity", "must be absent or 0 for " + a.actionType);
        }
        if (fee.signum() != 0) {
            throw new LedgerException(a, "FEE_NOT_ALLOWED", "feesPaid", "must be absent or 0 for " + a.actionType);
        }
        a.quantity = zero(PRICE_SCALE);
        a.pnlRealizedUsd = zero(USD_SCALE);
        p.tradeStatus = TradeStatus.EXIT_PLAN;
    }

    private static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
