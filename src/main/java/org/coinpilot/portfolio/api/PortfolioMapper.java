package org.coinpilot.portfolio.api;

import java.math.BigDecimal;
import org.coinpilot.portfolio.domain.Ledger;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.TradeAction;

/** Entities of the portfolio to response records (decimals without trailing zeros). */
public final class PortfolioMapper {

    private PortfolioMapper() {}

    public static PositionResponse position(Position p) {
        return new PositionResponse(
                p.id,
                p.assetSymbol,
                p.cryptoId == null,
                p.externalAssetInfo,
                p.assetType,
                Ledger.direction(p) < 0 ? "SHORT" : "LONG",
                plain(p.leverageRatio),
                plain(p.quantity),
                plain(p.entryPrice),
                plain(p.exitPrice),
                plain(p.exitedQuantity),
                p.tradeStatus,
                plain(p.pnlRealizedUsd),
                plain(p.feesPaidUsd),
                plain(p.openFeesUsd),
                plain(p.allocationTargetPercent),
                plain(p.maxAllocationPercent),
                p.investmentThesis,
                p.investmentTimeframe,
                p.riskCategory,
                plain(p.stopLossPrice),
                plain(p.takeProfitPrice),
                p.openedAt,
                p.closedAt,
                p.version,
                p.createdAt,
                p.updatedAt);
    }

    public static TradeActionResponse action(TradeAction a) {
        return new TradeActionResponse(
                a.id,
                a.portfolioId,
                a.actionType,
                plain(a.assetPrice),
                plain(a.quantity),
                plain(a.feesPaid),
                plain(a.pnlRealizedUsd),
                plain(a.quantityAfter),
                plain(a.entryPriceAfter),
                a.executedAt,
                a.timeframe,
                a.emotionState,
                a.confidenceLevel,
                a.stressLevel,
                a.marketSentiment,
                a.volatilityLevel,
                a.volumeProfile,
                a.primarySetup,
                a.confirmationSignals,
                a.chartPattern,
                a.analysisSnapshot,
                plain(a.stopLoss),
                plain(a.takeProfit),
                plain(a.capitalAmount),
                plain(a.riskPercent),
                a.reason,
                a.actionSource,
                a.signalId,
                a.lessonLearned,
                a.notes,
                a.createdAt,
                a.updatedAt);
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
