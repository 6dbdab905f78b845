package org.coinpilot.portfolio.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.Problem;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.portfolio.api.CreatePositionRequest;
import org.coinpilot.portfolio.api.PatchPositionRequest;
import org.coinpilot.portfolio.api.PortfolioMapper;
import org.coinpilot.portfolio.api.PositionQuery;
import org.coinpilot.portfolio.api.PositionResponse;
import org.coinpilot.portfolio.api.RecordedTradeAction;
import org.coinpilot.portfolio.api.TradeActionRequest;
import org.coinpilot.portfolio.api.TradeActionResponse;
import org.coinpilot.portfolio.domain.ActionSource;
import org.coinpilot.portfolio.domain.Ledger;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.RiskCategory;
import org.coinpilot.portfolio.domain.TradeAction;
import org.coinpilot.portfolio.persistence.PositionRepository;
import org.coinpilot.portfolio.persistence.TradeActionRepository;

/**
 * A user's positions and their trade journals (docs/portfolio.md). Every change to a journal locks its position
 * ({@code SELECT … FOR UPDATE}), replays the whole journal through the {@link Ledger} and writes the position and
 * every action's ledger values in the same transaction: the book always equals its journal, and two concurrent
 * actions on one position are applied one after the other. Ownership is part of every query: other users' ids are
 * 404.
 */
@ApplicationScoped
public class PortfolioService {

    /**
     * A position that holds a quantity, as published to other features (recommendations read every user's).
     *
     * @param cryptoId null for an asset outside the catalogue
     * @param isShort {@code SHORT_POSITION}; every other asset type is long
     * @param quantity remaining quantity (> 0)
     * @param entryPrice average entry price
     */
    public record HeldPosition(
            long id,
            long userId,
            Long cryptoId,
            String symbol,
            boolean isShort,
            java.math.BigDecimal quantity,
            java.math.BigDecimal entryPrice,
            java.math.BigDecimal stopLossPrice,
            java.math.BigDecimal takeProfitPrice,
            java.math.BigDecimal allocationTargetPercent) {}

    /** The foreign key of {@code trade_actions.signal_id} (V009). */
    static final String SIGNAL_FK = "fk_trade_actions_signal";

    private final PositionRepository positions;
    private final TradeActionRepository actions;
    private final CandleSeriesService assets;
    private final Clock clock;
    private final Transactions tx;

    public PortfolioService(
            PositionRepository positions,
            TradeActionRepository actions,
            CandleSeriesService assets,
            Clock clock,
            Transactions tx) {
        this.positions = positions;
        this.actions = actions;
        this.assets = assets;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Opens a position record (quantity 0, OPEN) for a catalogue asset, or for an external asset when {@code
     * externalAssetInfo} is given. An unknown catalogue symbol is a 422 {@code UNKNOWN_ASSET} naming {@code symbol}.
     */
    public Uni<PositionResponse> createPosition(long ownerId, CreatePositionRequest request) {
        Uni<Long> cryptoId = request.externalAssetInfo() != null
                ? Uni.createFrom().nullItem()
                : assets.assetId(request.symbol())
                        .onFailure(ResourceNotFoundException.class)
                        .transform(e -> new BusinessRuleViolationException(
                                "UNKNOWN_ASSET",
                                "No asset of the catalogue has the symbol '" + request.symbol()
                                        + "'; give externalAssetInfo for an asset outside it.",
                                List.of(new Problem.Violation(
                                        "symbol", "body", "no asset has the symbol '" + request.symbol() + "'"))));
        return tx.write(() -> cryptoId.chain(id -> {
            Position p = new Position();
            p.userId = ownerId;
            p.cryptoId = id;
            p.assetSymbol = request.symbol();
            p.externalAssetInfo = request.externalAssetInfo();
            p.assetType = request.assetType();
            if (request.leverageRatio() != null) {
                p.leverageRatio = request.leverageRatio();
            }
            p.allocationTargetPercent = request.allocationTargetPercent();
            if (request.maxAllocationPercent() != null) {
                p.maxAllocationPercent = request.maxAllocationPercent();
            }
            p.investmentThesis = request.investmentThesis();
            p.investmentTimeframe = request.investmentTimeframe();
            p.riskCategory = request.riskCategory() == null ? RiskCategory.MODERATE : request.riskCategory();
            p.stopLossPrice = request.stopLossPrice();
            p.takeProfitPrice = request.takeProfitPrice();
            Ledger.replay(p, List.of());
            return positions.persist(p).call(positions::flush).map(PortfolioMapper::position);
        }));
    }

    /** Every user's positions that hold a quantity, by owner then id (one query). */
    public Uni<List<HeldPosition>> heldPositions() {
        return tx.read(() -> positions
                .listHolding()
                .map(rows -> rows.stream()
                        .map(p -> new HeldPosition(
                                p.id,
                                p.userId,
                                p.cryptoId,
                                p.assetSymbol,
                                p.assetType == org.coinpilot.portfolio.domain.AssetType.SHORT_POSITION,
                                p.quantity,
                                p.entryPrice,
                                p.stopLossPrice,
                                p.takeProfitPrice,
                                p.allocationTargetPercent))
                        .toList()));
    }

    /** One page of the owner's positions, newest first. */
    public Uni<PageResponse<PositionResponse>> listPositions(long ownerId, PositionQuery query, PageQuery page) {
        PositionRepository.Filter filter = new PositionRepository.Filter(query.status, query.symbol);
        return tx.read(() -> positions
                .page(ownerId, filter, page.page, page.size)
                .map(rows -> rows.stream().map(PortfolioMapper::position).toList())
                .chain(items -> page.includeTotal
                        ? positions.count(ownerId, filter).map(total -> PageResponse.of(items, page, total))
                        : Uni.createFrom().item(PageResponse.of(items, page, null))));
    }

    /** The owner's position {@code id}; 404 when there is none or it is someone else's. */
    public Uni<PositionResponse> getPosition(long ownerId, long id) {
        return tx.read(() -> owned(ownerId, id).map(PortfolioMapper::position));
    }

    /** Changes the plan of a position (not its ledger, which only its journal changes). */
    public Uni<PositionResponse> patchPosition(long ownerId, long id, PatchPositionRequest patch) {
        return tx.write(() -> lockedOwned(ownerId, id).chain(p -> {
            if (patch.version() != null && patch.version() != p.version) {
                throw new ConflictException(
                        "STALE_VERSION",
                        "The position is at version " + p.version + ", not " + patch.version() + "; reload it.");
            }
            if (patch.externalAssetInfo() != null) {
                if (p.cryptoId != null) {
                    throw new BadRequestProblemException(
                            "externalAssetInfo", "body", "is only for positions of an asset outside the catalogue");
                }
                p.externalAssetInfo = patch.externalAssetInfo();
            }
            if (patch.leverageRatio() != null) {
                p.leverageRatio = patch.leverageRatio();
            }
            if (patch.allocationTargetPercent() != null) {
                p.allocationTargetPercent = patch.allocationTargetPercent();
            }
            if (patch.maxAllocationPercent() != null) {
                p.maxAllocationPercent = patch.maxAllocationPercent();
            }
            if (patch.investmentThesis() != null) {
                p.investmentThesis = patch.investmentThesis().isBlank() ? null : patch.investmentThesis();
            }
            if (patch.investmentTimeframe() != null) {
                p.investmentTimeframe = patch.investmentTimeframe();
            }
            if (patch.riskCategory() != null) {
                p.riskCategory = patch.riskCategory();
            }
            if (patch.stopLossPrice() != null) {
                p.stopLossPrice = patch.stopLossPrice();
            }
            if (patch.takeProfitPrice() != null) {
                p.takeProfitPrice = patch.takeProfitPrice();
            }
            return positions.flush().map(ignored -> PortfolioMapper.position(p));
        }));
    }

    /** Deletes a position with its journal. */
    public Uni<Void> deletePosition(long ownerId, long id) {
        return tx.write(() -> lockedOwned(ownerId, id).call(positions::delete).replaceWithVoid());
    }

    /** Records an action on the owner's position and replays its journal (docs/portfolio.md, "Ledger"). */
    public Uni<RecordedTradeAction> recordAction(long ownerId, long positionId, TradeActionRequest request) {
        Instant executedAt = executedAt(request);
        return tx.write(() -> lockedOwned(ownerId, positionId)
                        .chain(p -> actions.journal(p.id).chain(journal -> {
                            TradeAction action = new TradeAction();
                            action.portfolioId = p.id;
                            fill(action, request, executedAt);
                            List<TradeAction> all = new ArrayList<>(journal);
                            all.add(action);
                            replay(p, all);
                            return actions.persist(action)
                                    .call(actions::flush)
                                    .map(saved -> new RecordedTradeAction(
                                            PortfolioMapper.action(saved), PortfolioMapper.position(p)));
                        })))
                .onFailure(PortfolioService::isMissingSignal)
                .transform(PortfolioService::missingSignal);
    }

    /** One page of a position's journal in replay order (oldest first). */
    public Uni<PageResponse<TradeActionResponse>> listActions(long ownerId, long positionId, PageQuery page) {
        return tx.read(() -> owned(ownerId, positionId)
                .chain(p -> actions.page(p.id, page.page, page.size)
                        .map(rows -> rows.stream().map(PortfolioMapper::action).toList())
                        .chain(items -> page.includeTotal
                                ? actions.countByPosition(p.id).map(total -> PageResponse.of(items, page, total))
                                : Uni.createFrom().item(PageResponse.of(items, page, null)))));
    }

    /** One action of the owner's position. */
    public Uni<TradeActionResponse> getAction(long ownerId, long positionId, long actionId) {
        return tx.read(() -> owned(ownerId, positionId)
                .chain(p -> actions.findByIdAndOwner(actionId, ownerId))
                .onItem()
                .ifNull()
                .failWith(() -> actionNotFound(actionId))
                .invoke(a -> {
                    if (a.portfolioId != positionId) {
                        throw actionNotFound(actionId);
                    }
                })
                .map(PortfolioMapper::action));
    }

    /** Replaces every field of a past action and replays the journal: the book equals the journal as corrected. */
    public Uni<RecordedTradeAction> replaceAction(
            long ownerId, long positionId, long actionId, TradeActionRequest request) {
        Instant executedAt = executedAt(request);
        return tx.write(() -> lockedOwned(ownerId, positionId)
                        .chain(p -> actions.journal(p.id).chain(journal -> {
                            TradeAction action = journal.stream()
                                    .filter(a -> a.id == actionId)
                                    .findFirst()
                                    .orElseThrow(() -> actionNotFound(actionId));
                            fill(action, request, executedAt);
                            replay(p, new ArrayList<>(journal));
                            return actions.flush()
                                    .map(ignored -> new RecordedTradeAction(
                                            PortfolioMapper.action(action), PortfolioMapper.position(p)));
                        })))
                .onFailure(PortfolioService::isMissingSignal)
                .transform(PortfolioService::missingSignal);
    }

    /** Deletes a past action and replays the journal without it; answers the position after. */
    public Uni<PositionResponse> deleteAction(long ownerId, long positionId, long actionId) {
        return tx.write(() -> lockedOwned(ownerId, positionId)
                .chain(p -> actions.journal(p.id).chain(journal -> {
                    TradeAction action = journal.stream()
                            .filter(a -> a.id == actionId)
                            .findFirst()
                            .orElseThrow(() -> actionNotFound(actionId));
                    List<TradeAction> rest = new ArrayList<>(journal);
                    rest.remove(action);
                    replay(p, rest);
                    return actions.delete(action).call(actions::flush).map(ignored -> PortfolioMapper.position(p));
                })));
    }

    /** Sorts the journal into replay order and applies it; a journal that cannot be applied is a 422 (rolled back). */
    private static void replay(Position p, List<TradeAction> journal) {
        journal.sort(Comparator.comparing((TradeAction a) -> a.executedAt)
                .thenComparing(a -> a.id, Comparator.nullsLast(Comparator.naturalOrder())));
        Ledger.replay(p, journal);
    }

    private Instant executedAt(TradeActionRequest request) {
        Instant now = Times.now(clock);
        if (request.executedAt() == null) {
            return now;
        }
        if (request.executedAt().isAfter(now)) {
            throw new BadRequestProblemException("executedAt", "body", "must not be in the future");
        }
        return request.executedAt().truncatedTo(ChronoUnit.MICROS);
    }

    private static void fill(TradeAction a, TradeActionRequest r, Instant executedAt) {
        a.actionType = r.actionType();
        a.assetPrice = r.assetPrice();
        a.quantity = r.quantity();
        a.feesPaid = r.feesPaid() == null ? java.math.BigDecimal.ZERO.setScale(8) : r.feesPaid();
        a.executedAt = executedAt;
        a.timeframe = r.timeframe() == null ? Timeframe.D1 : r.timeframe();
        a.emotionState = r.emotionState();
        a.confidenceLevel = r.confidenceLevel();
        a.stressLevel = r.stressLevel();
        a.marketSentiment = r.marketSentiment();
        a.volatilityLevel = r.volatilityLevel();
        a.volumeProfile = r.volumeProfile();
        a.primarySetup = r.primarySetup();
        a.confirmationSignals = r.confirmationSignals() == null ? null : List.copyOf(r.confirmationSignals());
        a.chartPattern = r.chartPattern();
        a.analysisSnapshot = r.analysisSnapshot();
        a.stopLoss = r.stopLoss();
        a.takeProfit = r.takeProfit();
        a.capitalAmount = r.capitalAmount();
        a.riskPercent = r.riskPercent();
        a.reason = r.reason();
        a.actionSource = r.actionSource() == null ? ActionSource.MANUAL : r.actionSource();
        a.signalId = r.signalId();
        a.lessonLearned = r.lessonLearned();
        a.notes = r.notes();
    }

    private Uni<Position> owned(long ownerId, long id) {
        return positions.findByIdAndOwner(id, ownerId).onItem().ifNull().failWith(() -> notFound(id));
    }

    private Uni<Position> lockedOwned(long ownerId, long id) {
        return positions
                .findByIdAndOwnerForUpdate(id, ownerId)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id));
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("POSITION_NOT_FOUND", "You have no position with id " + id + ".");
    }

    private static ResourceNotFoundException actionNotFound(long id) {
        return new ResourceNotFoundException(
                "TRADE_ACTION_NOT_FOUND", "This position has no trade action with id " + id + ".");
    }

    /** A foreign-key failure of {@code signal_id}: the signal does not exist. */
    static boolean isMissingSignal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(SIGNAL_FK)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable missingSignal(Throwable failure) {
        return new BusinessRuleViolationException(
                "UNKNOWN_SIGNAL",
                "The signalId names no trading signal.",
                List.of(new Problem.Violation("signalId", "body", "no trading signal has this id")));
    }
}
