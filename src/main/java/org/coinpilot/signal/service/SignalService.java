package org.coinpilot.signal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.time.Times;
import org.coinpilot.common.validation.QueryParams;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.signal.api.SignalPerformanceResponse;
import org.coinpilot.signal.api.SignalQuery;
import org.coinpilot.signal.api.SignalResponse;
import org.coinpilot.signal.config.SignalsConfig;
import org.coinpilot.signal.domain.SignalStatus;
import org.coinpilot.signal.domain.TradingSignal;
import org.coinpilot.signal.persistence.SignalSqlRepository;
import org.coinpilot.signal.persistence.SignalSqlRepository.PerformanceRow;
import org.coinpilot.signal.persistence.SignalSqlRepository.ScoreBatch;
import org.coinpilot.signal.persistence.TradingSignalRepository;

/**
 * The signals' lifecycle and reads (docs/signals.md): the list and one signal (any authenticated user: signals are not
 * user-owned), the admin cancel (audited), the expiry pass, the scoring pass and the track record.
 */
@ApplicationScoped
public class SignalService {

    static final String ENTITY = "trading_signal";

    private final TradingSignalRepository signals;
    private final SignalSqlRepository sql;
    private final CandleSeriesService assets;
    private final MarketReadService marketReads;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final SignalsConfig config;

    public SignalService(
            TradingSignalRepository signals,
            SignalSqlRepository sql,
            CandleSeriesService assets,
            MarketReadService marketReads,
            AuditTrail audit,
            Transactions tx,
            Clock clock,
            SignalsConfig config) {
        this.signals = signals;
        this.sql = sql;
        this.assets = assets;
        this.marketReads = marketReads;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }

    /** One page of signals, newest first. An unknown symbol filter matches nothing. */
    public Uni<PageResponse<SignalResponse>> list(SignalQuery query, PageQuery page) {
        Instant from = QueryParams.instant("createdFrom", query.createdFrom);
        Instant to = QueryParams.instant("createdTo", query.createdTo);
        QueryParams.requireOrdered("createdFrom", from, "createdTo", to);
        Uni<Long> crypto = query.symbol == null || query.symbol.isBlank()
                ? Uni.createFrom().nullItem()
                : assets.assetId(query.symbol.trim())
                        .onFailure(ResourceNotFoundException.class)
                        .recoverWithItem(-1L);
        return crypto.chain(cryptoId -> {
            TradingSignalRepository.Filter filter =
                    new TradingSignalRepository.Filter(cryptoId, query.status, query.type, from, to);
            return tx.read(() -> signals.page(filter, page.page, page.size)
                            .chain(rows -> page.includeTotal
                                    ? signals.count(filter).map(total -> new Page(rows, total))
                                    : Uni.createFrom().item(new Page(rows, null))))
                    .chain(result -> views(result.rows()).map(items -> PageResponse.of(items, page, result.total())));
        });
    }

    private record Page(List<TradingSignal> rows, Long total) {}

    /** The signal {@code id}; 404 SIGNAL_NOT_FOUND when there is none. */
    public Uni<SignalResponse> get(long id) {
        return tx.read(() -> signals.findById(id))
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .chain(signal -> views(List.of(signal)).map(list -> list.get(0)));
    }

    /** Cancels an active signal (audited); 404 when there is none, 409 SIGNAL_NOT_ACTIVE when it is not active. */
    public Uni<SignalResponse> cancel(long id) {
        Instant now = Times.now(clock);
        return tx.write(() -> signals.findByIdForUpdate(id)
                        .onItem()
                        .ifNull()
                        .failWith(() -> notFound(id))
                        .chain(signal -> {
                            if (signal.status != SignalStatus.ACTIVE) {
                                return Uni.createFrom()
                                        .failure(new ConflictException(
                                                "SIGNAL_NOT_ACTIVE",
                                                "Signal " + id + " is " + signal.status
                                                        + "; only an active signal can be cancelled."));
                            }
                            SignalStatus before = signal.status;
                            signal.status = SignalStatus.CANCELLED;
                            signal.cancelledAt = now;
                            Map<String, Object> details = new LinkedHashMap<>();
                            details.put("from", before.name());
                            details.put("cryptoId", signal.cryptoId);
                            details.put("predictionId", signal.predictionId);
                            return signals.flush()
                                    .call(() ->
                                            audit.record(ENTITY + "_cancelled", ENTITY, signal.id, "cancel", details))
                                    .replaceWith(signal);
                        }))
                .chain(signal -> views(List.of(signal)).map(list -> list.get(0)));
    }

    /** {@code signal.signals.expire}: active signals whose expiry has passed become EXPIRED, in one statement. */
    public Uni<Integer> expire() {
        Instant now = Times.now(clock);
        return tx.write(() -> signals.expireDue(now));
    }

    /** What one scoring run did. */
    public record ScoreReport(long looked, long scored) {
        public Map<String, Object> toMap() {
            return Map.of("looked", looked, "scored", scored);
        }
    }

    /**
     * {@code signal.signals.score}: records the outcome of every signal whose target or stop the stored candles reached,
     * or whose window is complete (docs/signals.md "Scoring"); batches of {@code coinpilot.signals.scoring.batch-size}
     * signals, one statement and transaction each, walking the ids forward.
     */
    public Uni<ScoreReport> score() {
        return score(Times.now(clock));
    }

    /** Scores at {@code now}. */
    public Uni<ScoreReport> score(Instant now) {
        return scoreFrom(now, 0L, 0, 0);
    }

    private Uni<ScoreReport> scoreFrom(Instant now, long afterId, long looked, long scored) {
        int batch = config.scoring().batchSize();
        return tx.sql(connection -> sql.score(connection, now, batch, afterId)).chain((ScoreBatch result) -> {
            long totalLooked = looked + result.due();
            long totalScored = scored + result.scored();
            if (result.due() < batch || result.lastId() == null) {
                return Uni.createFrom().item(new ScoreReport(totalLooked, totalScored));
            }
            return scoreFrom(now, result.lastId(), totalLooked, totalScored);
        });
    }

    /** The track record by model version, and by model version and regime at creation. */
    public Uni<SignalPerformanceResponse> performance() {
        return tx.statement(sql::performance).map(rows -> {
            List<SignalPerformanceResponse.Row> byModel = new ArrayList<>();
            List<SignalPerformanceResponse.Row> byRegime = new ArrayList<>();
            for (PerformanceRow row : rows) {
                (row.allRegimes() ? byModel : byRegime).add(toRow(row));
            }
            return new SignalPerformanceResponse(byModel, byRegime);
        });
    }

    private static SignalPerformanceResponse.Row toRow(PerformanceRow row) {
        return new SignalPerformanceResponse.Row(
                row.modelId(),
                row.modelName(),
                row.modelVersion(),
                row.allRegimes() ? null : row.regime(),
                row.signals(),
                row.hitTarget(),
                row.hitStop(),
                row.neither(),
                rate(row.hitTarget(), row.signals()),
                rate(row.positive(), row.signals()),
                row.averageReturn());
    }

    /** {@code part / whole}, 4 decimals; 0 for no signals. */
    static double rate(long part, long whole) {
        return whole == 0
                ? 0
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN)
                        .doubleValue();
    }

    private Uni<List<SignalResponse>> views(List<TradingSignal> rows) {
        List<Long> ids = rows.stream().map(s -> s.cryptoId).distinct().toList();
        return marketReads
                .assets(ids)
                .map(byId -> rows.stream()
                        .map(s -> toResponse(s, symbolOf(byId, s.cryptoId)))
                        .toList());
    }

    private static String symbolOf(Map<Long, AssetRef> assets, long cryptoId) {
        AssetRef asset = assets.get(cryptoId);
        return asset == null ? null : asset.symbol();
    }

    static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("SIGNAL_NOT_FOUND", "No signal has id " + id + ".");
    }

    /** A stored price (numeric(38,18)) without the padding zeros. */
    static BigDecimal plain(BigDecimal price) {
        return price == null ? null : price.stripTrailingZeros();
    }

    static SignalResponse toResponse(TradingSignal s, String symbol) {
        return new SignalResponse(
                s.id,
                symbol,
                s.signalType,
                s.status,
                plain(s.entryPrice),
                plain(s.targetPrice),
                plain(s.stopLoss),
                s.riskRewardRatio,
                s.riskLevel,
                s.timeHorizonHours,
                s.expiresAt,
                s.predictionId,
                s.aiModelId,
                s.modelName,
                s.modelVersion,
                s.timeframe,
                s.regime,
                s.rationale,
                s.outcome,
                plain(s.outcomePrice),
                s.outcomeReturnPct,
                s.outcomeCandleTime,
                s.scoredAt,
                s.cancelledAt,
                s.createdAt,
                s.updatedAt);
    }
}
