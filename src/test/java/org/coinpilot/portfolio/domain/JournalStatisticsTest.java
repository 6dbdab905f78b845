package org.coinpilot.portfolio.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.junit.jupiter.api.Test;

/** Journal statistics on a crafted journal; the expected figures are worked out by hand in the comments. */
class JournalStatisticsTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    int clock;

    TradeAction act(List<TradeAction> journal, TradeActionType type, String price, String quantity) {
        TradeAction a = new TradeAction();
        a.id = (long) (journal.size() + 1000 * clock);
        a.actionType = type;
        a.assetPrice = new BigDecimal(price);
        a.quantity = quantity == null ? null : new BigDecimal(quantity);
        a.feesPaid = BigDecimal.ZERO;
        a.timeframe = Timeframe.H4;
        a.actionSource = ActionSource.MANUAL;
        a.executedAt = T0.plusSeconds(3600L * clock++);
        journal.add(a);
        return a;
    }

    Position position(long id, AssetType type) {
        Position p = new Position();
        p.id = id;
        p.cryptoId = id;
        p.assetSymbol = "S" + id;
        p.assetType = type;
        return p;
    }

    @Test
    void shouldGiveWinRateProfitFactorExpectancyAndROnACraftedJournal() {
        Position longs = position(1, AssetType.CRYPTO_ASSET);
        List<TradeAction> j1 = new ArrayList<>();
        // trade 1: breakout, calm, stop 90: buy 1 @ 100, sell @ 120 -> +20, risk 10, R = 2
        TradeAction open1 = act(j1, TradeActionType.BUY, "100", "1");
        open1.primarySetup = PrimarySetup.BREAKOUT;
        open1.emotionState = "calm";
        open1.stopLoss = new BigDecimal("90");
        act(j1, TradeActionType.SELL, "120", "1");
        // trade 2: pullback, fomo, stop 95: buy 2 @ 100, sell @ 95 -> -10, risk 2 x 5 = 10, R = -1
        TradeAction open2 = act(j1, TradeActionType.BUY, "100", "2");
        open2.primarySetup = PrimarySetup.PULLBACK;
        open2.emotionState = "fomo";
        open2.stopLoss = new BigDecimal("95");
        act(j1, TradeActionType.SELL, "95", "2");
        Ledger.replay(longs, j1);
        Position shorts = position(2, AssetType.SHORT_POSITION);
        List<TradeAction> j2 = new ArrayList<>();
        // trade 3: breakout, calm, no stop: short 1 @ 50, cover @ 40 -> +10, no R
        TradeAction open3 = act(j2, TradeActionType.ENTRY, "50", "1");
        open3.primarySetup = PrimarySetup.BREAKOUT;
        open3.emotionState = "calm";
        act(j2, TradeActionType.FULL_EXIT, "40", null);
        // still open: not a trade yet
        act(j2, TradeActionType.ENTRY, "45", "1");
        Ledger.replay(shorts, j2);

        List<JournalStatistics.Trade> trades = new ArrayList<>(JournalStatistics.trades(longs, j1));
        trades.addAll(JournalStatistics.trades(shorts, j2));
        JournalStatistics.Stats all = JournalStatistics.stats(trades);

        assertThat(trades).hasSize(3);
        assertThat(trades.get(0).rMultiple()).isEqualByComparingTo("2");
        assertThat(trades.get(1).rMultiple()).isEqualByComparingTo("-1");
        assertThat(trades.get(2).rMultiple()).isNull();
        assertThat(all.trades()).isEqualTo(3);
        assertThat(all.wins()).isEqualTo(2);
        assertThat(all.losses()).isEqualTo(1);
        assertThat(all.winRate()).isEqualByComparingTo("0.6667"); // 2 / 3
        assertThat(all.averageWin()).isEqualByComparingTo("15"); // (20 + 10) / 2
        assertThat(all.averageLoss()).isEqualByComparingTo("-10");
        assertThat(all.profitFactor()).isEqualByComparingTo("3"); // 30 / 10
        assertThat(all.expectancy()).isEqualByComparingTo("6.66666667"); // 20 / 3
        assertThat(all.averageR()).isEqualByComparingTo("0.5"); // (2 - 1) / 2
        assertThat(all.totalPnl()).isEqualByComparingTo("20");

        var bySetup = JournalStatistics.by(trades, a -> a.primarySetup);
        assertThat(bySetup).containsOnlyKeys("BREAKOUT", "PULLBACK");
        assertThat(bySetup.get("BREAKOUT").winRate()).isEqualByComparingTo("1");
        assertThat(bySetup.get("BREAKOUT").profitFactor()).isNull(); // no losses: undefined, not 0
        assertThat(bySetup.get("PULLBACK").averageWin()).isNull();
        var byEmotion = JournalStatistics.by(trades, a -> a.emotionState);
        assertThat(byEmotion.get("fomo").expectancy()).isEqualByComparingTo("-10");
        var bySentiment = JournalStatistics.by(trades, a -> a.marketSentiment);
        assertThat(bySentiment).containsOnlyKeys("none");
        assertThat(JournalStatistics.stats(List.of()).winRate()).isNull();
    }
}
