package org.coinpilot.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The average-cost ledger on journals worked out by hand (the arithmetic is in each test's comments): partial exits,
 * fees on both sides, a short, a re-entry after a full exit, open fees split into thirds. Amounts to the cent and
 * below (8 decimals).
 */
class LedgerTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    final List<TradeAction> journal = new ArrayList<>();

    Position position(AssetType type) {
        Position p = new Position();
        p.assetType = type;
        return p;
    }

    TradeAction act(TradeActionType type, String price, String quantity, String fee) {
        TradeAction a = new TradeAction();
        a.actionType = type;
        a.assetPrice = new BigDecimal(price);
        a.quantity = quantity == null ? null : new BigDecimal(quantity);
        a.feesPaid = new BigDecimal(fee);
        a.executedAt = T0.plusSeconds(60L * journal.size());
        journal.add(a);
        return a;
    }

    @Test
    void shouldMatchTheHandLedgerWhenALongIsScaledInPartlyExitedClosedAndReentered() {
        Position p = position(AssetType.CRYPTO_ASSET);
        // buy 2 @ 100 (fee 1.00), buy 1 @ 130 (fee 0.50): average (200 + 130) / 3 = 110, open fees 1.50
        TradeAction buy1 = act(TradeActionType.BUY, "100", "2", "1.00");
        TradeAction buy2 = act(TradeActionType.BUY, "130", "1", "0.50");
        // partial exit 1 @ 150 (fee 0.75): (150 - 110) x 1 - 0.75 - 1.50 x 1/3 = 40 - 0.75 - 0.50 = 38.75
        TradeAction exit1 = act(TradeActionType.PARTIAL_EXIT, "150", "1", "0.75");
        // full exit of the remaining 2 @ 90 (fee 0.60): (90 - 110) x 2 - 0.60 - 1.00 = -41.60
        TradeAction exit2 = act(TradeActionType.FULL_EXIT, "90", null, "0.60");

        Ledger.replay(p, journal);

        assertThat(buy1.pnlRealizedUsd).isEqualByComparingTo("0");
        assertThat(buy2.quantityAfter).isEqualByComparingTo("3");
        assertThat(buy2.entryPriceAfter).isEqualByComparingTo("110");
        assertThat(exit1.pnlRealizedUsd).isEqualByComparingTo("38.75");
        assertThat(exit1.quantityAfter).isEqualByComparingTo("2");
        assertThat(exit2.quantity).isEqualByComparingTo("2");
        assertThat(exit2.pnlRealizedUsd).isEqualByComparingTo("-41.60");
        assertThat(p.quantity).isEqualByComparingTo("0");
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.CLOSED);
        assertThat(p.closedAt).isEqualTo(exit2.executedAt);
        assertThat(p.entryPrice).isEqualByComparingTo("110");
        // average exit (150 x 1 + 90 x 2) / 3 = 110
        assertThat(p.exitPrice).isEqualByComparingTo("110");
        // cash: paid 330 + 1.50 fees, received 330 - 1.35 fees: -2.85 = 38.75 - 41.60
        assertThat(p.pnlRealizedUsd).isEqualByComparingTo("-2.85");
        assertThat(p.feesPaidUsd).isEqualByComparingTo("2.85");
        assertThat(p.openFeesUsd).isEqualByComparingTo("0");

        // re-entry after the full exit: a new cycle (average and exits start again, realized PnL carries on)
        TradeAction again = act(TradeActionType.BUY, "200", "1", "0.20");
        // sell 1 @ 210 (fee 0.30): 10 - 0.30 - 0.20 = 9.50; cumulative -2.85 + 9.50 = 6.65
        TradeAction sell = act(TradeActionType.SELL, "210", "1", "0.30");
        Ledger.replay(p, journal);

        assertThat(again.entryPriceAfter).isEqualByComparingTo("200");
        assertThat(again.quantityAfter).isEqualByComparingTo("1");
        assertThat(sell.pnlRealizedUsd).isEqualByComparingTo("9.50");
        assertThat(p.pnlRealizedUsd).isEqualByComparingTo("6.65");
        assertThat(p.exitPrice).isEqualByComparingTo("210");
        assertThat(p.exitedQuantity).isEqualByComparingTo("1");
        assertThat(p.feesPaidUsd).isEqualByComparingTo("3.35");
        assertThat(p.openedAt).isEqualTo(again.executedAt);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void shouldStatusMoveThroughOpenAccumulatingReducingExitPlanAndClosed() {
        Position p = position(AssetType.CRYPTO_ASSET);
        Ledger.replay(p, journal);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.OPEN);
        act(TradeActionType.ENTRY, "10", "1", "0");
        Ledger.replay(p, journal);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.OPEN);
        act(TradeActionType.BUY, "10", "1", "0");
        Ledger.replay(p, journal);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.ACCUMULATING);
        TradeAction tp = act(TradeActionType.MODIFY_TP, "10", null, "0");
        tp.takeProfit = new BigDecimal("15");
        Ledger.replay(p, journal);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.EXIT_PLAN);
        assertThat(p.takeProfitPrice).isEqualByComparingTo("15");
        assertThat(tp.quantity).isEqualByComparingTo("0");
        act(TradeActionType.PARTIAL_SELL, "15", "1", "0");
        Ledger.replay(p, journal);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.REDUCING);
        act(TradeActionType.SELL, "15", "1", "0");
        Ledger.replay(p, journal);
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.CLOSED);
        assertThat(p.pnlRealizedUsd).isEqualByComparingTo("10");
    }

    @Test
    void shouldGainWhenThePriceFallsOnAShort() {
        Position p = position(AssetType.SHORT_POSITION);
        // short 2 @ 50 and 2 @ 60 (fees 0.10 each): average 55, open fees 0.20
        act(TradeActionType.ENTRY, "50", "2", "0.10");
        act(TradeActionType.ENTRY, "60", "2", "0.10");
        // cover 1 @ 40 (fee 0.05): -(40 - 55) x 1 - 0.05 - 0.20 x 1/4 = 15 - 0.05 - 0.05 = 14.90
        TradeAction cover = act(TradeActionType.PARTIAL_EXIT, "40", "1", "0.05");
        TradeAction stop = act(TradeActionType.MODIFY_SL, "45", null, "0");
        stop.stopLoss = new BigDecimal("58");
        // cover the remaining 3 @ 65 (fee 0.15): -(65 - 55) x 3 - 0.15 - 0.15 = -30.30
        TradeAction last = act(TradeActionType.FULL_EXIT, "65", "3", "0.15");

        Ledger.replay(p, journal);

        assertThat(cover.pnlRealizedUsd).isEqualByComparingTo("14.90");
        assertThat(last.pnlRealizedUsd).isEqualByComparingTo("-30.30");
        // cash: sold 220, bought back 40 + 195 = 235, fees 0.40: -15.40
        assertThat(p.pnlRealizedUsd).isEqualByComparingTo("-15.40");
        assertThat(p.feesPaidUsd).isEqualByComparingTo("0.40");
        assertThat(p.stopLossPrice).isEqualByComparingTo("58");
        assertThat(p.exitPrice).isEqualByComparingTo("58.75"); // (40 + 195) / 4
        assertThat(p.tradeStatus).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void shouldRealizeOpenFeesExactlyWhenTheyDoNotDivideEvenly() {
        Position p = position(AssetType.CRYPTO_ASSET);
        // buy 3 @ 10 (fee 1.00); sell 1 @ 12: 2 - 1.00/3 = 2 - 0.33333333 = 1.66666667
        act(TradeActionType.BUY, "10", "3", "1.00");
        TradeAction first = act(TradeActionType.PARTIAL_SELL, "12", "1", "0");
        // sell the other 2 @ 12: 4 - the remaining open fees 0.66666667 = 3.33333333
        TradeAction second = act(TradeActionType.SELL, "12", "2", "0");

        Ledger.replay(p, journal);

        assertThat(first.pnlRealizedUsd).isEqualByComparingTo("1.66666667");
        assertThat(second.pnlRealizedUsd).isEqualByComparingTo("3.33333333");
        // 6 gained - 1.00 fee, exactly
        assertThat(p.pnlRealizedUsd).isEqualByComparingTo("5.00");
        assertThat(p.openFeesUsd).isEqualByComparingTo("0");
    }

    @Test
    void shouldNameTheFieldWhenTheJournalCannotBeApplied() {
        Position p = position(AssetType.CRYPTO_ASSET);
        act(TradeActionType.BUY, "10", "1", "0");
        act(TradeActionType.SELL, "10", "2", "0");
        assertThatThrownBy(() -> Ledger.replay(p, journal))
                .isInstanceOf(LedgerException.class)
                .satisfies(e -> {
                    LedgerException le = (LedgerException) e;
                    assertThat(le.code()).isEqualTo("INSUFFICIENT_QUANTITY");
                    assertThat(le.violations())
                            .singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("quantity"));
                });

        journal.clear();
        act(TradeActionType.BUY, "10", "1", "0");
        act(TradeActionType.SELL, "10", "1", "0");
        act(TradeActionType.PARTIAL_EXIT, "10", "1", "0");
        assertThatThrownBy(() -> Ledger.replay(p, journal))
                .isInstanceOf(LedgerException.class)
                .satisfies(e -> assertThat(((LedgerException) e).code()).isEqualTo("POSITION_CLOSED"));

        journal.clear();
        act(TradeActionType.BUY, "10", "2", "0");
        act(TradeActionType.PARTIAL_EXIT, "10", "2", "0");
        assertThatThrownBy(() -> Ledger.replay(p, journal))
                .satisfies(e -> assertThat(((LedgerException) e).code()).isEqualTo("QUANTITY_NOT_PARTIAL"));

        journal.clear();
        act(TradeActionType.BUY, "10", "2", "0");
        act(TradeActionType.MODIFY_SL, "10", null, "0");
        assertThatThrownBy(() -> Ledger.replay(p, journal))
                .satisfies(e -> assertThat(
                                ((LedgerException) e).violations().get(0).field())
                        .isEqualTo("stopLoss"));
    }
}
