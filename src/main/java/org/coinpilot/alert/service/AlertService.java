package org.coinpilot.alert.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.coinpilot.alert.api.AlertQuery;
import org.coinpilot.alert.api.AlertResponse;
import org.coinpilot.alert.api.CreateAlertRequest;
import org.coinpilot.alert.api.PatchAlertRequest;
import org.coinpilot.alert.config.AlertsConfig;
import org.coinpilot.alert.domain.AlertFrequency;
import org.coinpilot.alert.domain.AlertStatus;
import org.coinpilot.alert.domain.NotificationMethod;
import org.coinpilot.alert.domain.SignalAlert;
import org.coinpilot.alert.persistence.AlertEvaluationRepository;
import org.coinpilot.alert.persistence.AlertEvaluationRepository.SeriesKey;
import org.coinpilot.alert.persistence.SignalAlertRepository;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.indicators.service.IndicatorComputeService;
import org.coinpilot.market.domain.AssetRef;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;

/** Owner CRUD of alert rules (docs/alerts.md "API"). Ownership is part of every query: other users' ids are 404. */
@ApplicationScoped
public class AlertService {

    private final SignalAlertRepository alerts;
    private final AlertEvaluationRepository evaluations;
    private final CandleSeriesService assets;
    private final MarketReadService marketReads;
    private final IndicatorComputeService indicators;
    private final AlertsConfig config;
    private final Clock clock;
    private final Transactions tx;

    public AlertService(
            SignalAlertRepository alerts,
            AlertEvaluationRepository evaluations,
            CandleSeriesService assets,
            MarketReadService marketReads,
            IndicatorComputeService indicators,
            AlertsConfig config,
            Clock clock,
            Transactions tx) {
        this.tx = tx;
        this.alerts = alerts;
        this.evaluations = evaluations;
        this.assets = assets;
        this.marketReads = marketReads;
        this.indicators = indicators;
        this.config = config;
        this.clock = clock;
    }

    /** Creates an alert of {@code ownerId}; armed from now (older candles never fire it). */
    public Uni<AlertResponse> create(long ownerId, CreateAlertRequest request) {
        return tx.write(() -> {
            Instant now = Times.now(clock);
            AlertFrequency frequency = request.frequency() == null ? AlertFrequency.ONCE : request.frequency();
            Timeframe timeframe = request.timeframe() == null ? Timeframe.H1 : request.timeframe();
            AlertRules.Resolved resolved = AlertRules.check(
                    new AlertRules.Spec(
                            request.alertType(),
                            request.condition(),
                            request.triggerValue(),
                            timeframe,
                            request.windowCandles(),
                            frequency,
                            request.cooldownSeconds(),
                            request.indicatorKey(),
                            request.referenceKey(),
                            request.notificationMethods()),
                    config.maxWindowCandles(),
                    indicators);
            AlertRules.future(request.expiresAt(), now);
            return assetId(request.symbol())
                    .chain(cryptoId -> alerts.countByOwner(ownerId).chain(count -> {
                        if (count >= config.maxPerUser()) {
                            return Uni.createFrom()
                                    .failure(new BusinessRuleViolationException(
                                            "ALERT_LIMIT_REACHED",
                                            "You have " + count + " alerts, the most allowed is " + config.maxPerUser()
                                                    + "; delete some first."));
                        }
                        SignalAlert alert = new SignalAlert();
                        alert.userId = ownerId;
                        alert.cryptoId = cryptoId;
                        alert.alertType = request.alertType();
                        alert.condition = request.condition();
                        alert.triggerValue = request.triggerValue();
                        alert.timeframe = timeframe;
                        alert.windowCandles = request.windowCandles();
                        alert.frequency = frequency;
                        alert.cooldownSeconds = request.cooldownSeconds();
                        applyOperands(alert, resolved);
                        alert.expiresAt = request.expiresAt();
                        alert.message = blankToNull(request.message());
                        alert.useNotificationMethods(resolved.methods());
                        return alerts.persist(alert)
                                .call(alerts::flush)
                                .map(saved -> toResponse(saved, request.symbol(), null, now));
                    }));
        });
    }

    /** One page of the owner's alerts, newest first. An unknown symbol filter matches nothing. */
    public Uni<PageResponse<AlertResponse>> list(long ownerId, AlertQuery query, PageQuery page) {
        return tx.read(() -> {
            Uni<Long> crypto = query.symbol == null
                    ? Uni.createFrom().nullItem()
                    : assets.assetId(query.symbol)
                            .onFailure(ResourceNotFoundException.class)
                            .recoverWithItem(-1L);
            return crypto.chain(cryptoId -> {
                SignalAlertRepository.Filter filter =
                        new SignalAlertRepository.Filter(query.active, query.triggered, query.type, cryptoId);
                return alerts.page(ownerId, filter, page.page, page.size)
                        .chain(rows -> views(rows)
                                .chain(items -> page.includeTotal
                                        ? alerts.count(ownerId, filter)
                                                .map(total -> PageResponse.of(items, page, total))
                                        : Uni.createFrom().item(PageResponse.of(items, page, null))));
            });
        });
    }

    /** The owner's alert {@code id}; 404 when there is none or it is someone else's. */
    public Uni<AlertResponse> get(long ownerId, long id) {
        return tx.read(() ->
                owned(ownerId, id).chain(alert -> views(List.of(alert)).map(list -> list.get(0))));
    }

    /**
     * Applies the changes and validates the result like a new alert. Changing the condition (condition, level,
     * timeframe, window, operands) or switching the alert on again re-arms it from now.
     */
    public Uni<AlertResponse> patch(long ownerId, long id, PatchAlertRequest patch) {
        return tx.write(() -> {
            Instant now = Times.now(clock);
            return owned(ownerId, id).chain(alert -> {
                List<NotificationMethod> methods = patch.notificationMethods() != null
                        ? patch.notificationMethods()
                        : alert.notificationMethods.stream()
                                .map(m -> NotificationMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                                .toList();
                AlertRules.Spec spec = new AlertRules.Spec(
                        alert.alertType,
                        patch.condition() != null ? patch.condition() : alert.condition,
                        patch.triggerValue() != null ? patch.triggerValue() : alert.triggerValue,
                        patch.timeframe() != null ? patch.timeframe() : alert.timeframe,
                        patch.windowCandles() != null ? patch.windowCandles() : alert.windowCandles,
                        patch.frequency() != null ? patch.frequency() : alert.frequency,
                        patch.cooldownSeconds() != null ? patch.cooldownSeconds() : alert.cooldownSeconds,
                        patch.indicatorKey() != null ? patch.indicatorKey() : alert.indicatorKey,
                        patch.referenceKey() != null ? patch.referenceKey() : alert.referenceKey,
                        methods);
                AlertRules.Resolved resolved = AlertRules.check(spec, config.maxWindowCandles(), indicators);
                AlertRules.future(patch.expiresAt(), now);
                boolean conditionChanged = !Objects.equals(spec.condition(), alert.condition)
                        || !sameDecimal(spec.triggerValue(), alert.triggerValue)
                        || spec.timeframe() != alert.timeframe
                        || !Objects.equals(spec.windowCandles(), alert.windowCandles)
                        || !Objects.equals(
                                resolved.indicator() == null
                                        ? null
                                        : resolved.indicator().key(),
                                alert.indicatorKey)
                        || !Objects.equals(
                                resolved.reference() == null
                                        ? null
                                        : resolved.reference().key(),
                                alert.referenceKey);
                boolean reactivated = Boolean.TRUE.equals(patch.active()) && !alert.isActive;
                alert.condition = spec.condition();
                alert.triggerValue = spec.triggerValue();
                alert.timeframe = spec.timeframe();
                alert.windowCandles = spec.windowCandles();
                alert.frequency = spec.frequency();
                alert.cooldownSeconds = spec.cooldownSeconds();
                applyOperands(alert, resolved);
                if (patch.expiresAt() != null) {
                    alert.expiresAt = patch.expiresAt();
                }
                if (patch.message() != null) {
                    alert.message = blankToNull(patch.message());
                }
                alert.useNotificationMethods(resolved.methods());
                if (patch.active() != null) {
                    alert.isActive = patch.active();
                }
                if (conditionChanged || reactivated) {
                    alert.rearm(now);
                }
                return alerts.flush().chain(() -> views(List.of(alert))).map(list -> list.get(0));
            });
        });
    }

    /** Deletes the owner's alert {@code id}; 404 when there is none or it is someone else's. */
    public Uni<Void> delete(long ownerId, long id) {
        return tx.write(() -> alerts.deleteByIdAndOwner(id, ownerId)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw notFound(id);
                    }
                })
                .replaceWithVoid());
    }

    private Uni<SignalAlert> owned(long ownerId, long id) {
        return alerts.findByIdAndOwner(id, ownerId).onItem().ifNull().failWith(() -> notFound(id));
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("ALERT_NOT_FOUND", "You have no alert with id " + id + ".");
    }

    private Uni<Long> assetId(String symbol) {
        return assets.assetId(symbol)
                .onFailure(ResourceNotFoundException.class)
                .transform(e -> AlertRules.bad("symbol", "no asset has the symbol '" + symbol + "'"));
    }

    private Uni<List<AlertResponse>> views(List<SignalAlert> rows) {
        Instant now = Times.now(clock);
        List<Long> ids = rows.stream().map(a -> a.cryptoId).distinct().toList();
        return marketReads
                .assets(ids)
                .chain(assetsById -> tx.statement(client -> evaluations.seriesChecks(client, ids))
                        .map(checks -> rows.stream()
                                .map(a -> toResponse(a, symbolOf(assetsById, a.cryptoId), checkOf(a, checks), now))
                                .toList()));
    }

    private static String symbolOf(Map<Long, AssetRef> assets, long cryptoId) {
        AssetRef asset = assets.get(cryptoId);
        return asset == null ? null : asset.symbol();
    }

    private static Instant checkOf(SignalAlert alert, Map<SeriesKey, Instant> checks) {
        return checks.get(new SeriesKey(
                alert.cryptoId, alert.timeframe.code(), alert.alertType.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * lastChecked: the alert's own last_checked (set when it fires), or the last pass over its series when that is
     * later, the alert is armed and the pass ran after it was armed.
     */
    static AlertResponse toResponse(SignalAlert a, String symbol, Instant seriesChecked, Instant now) {
        AlertStatus status = a.status(now);
        Instant armed = a.armedAt != null ? a.armedAt : a.createdAt;
        Instant lastChecked = a.lastChecked;
        if (status == AlertStatus.ARMED
                && seriesChecked != null
                && (armed == null || !seriesChecked.isBefore(armed))
                && (lastChecked == null || seriesChecked.isAfter(lastChecked))) {
            lastChecked = seriesChecked;
        }
        return new AlertResponse(
                a.id,
                symbol,
                a.alertType,
                a.condition,
                a.triggerValue == null ? null : a.triggerValue.stripTrailingZeros(),
                a.timeframe,
                a.windowCandles,
                a.frequency,
                a.cooldownSeconds,
                a.indicatorKey,
                a.referenceKey,
                a.expiresAt,
                a.message,
                a.notificationMethods.stream()
                        .map(m -> NotificationMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                        .toList(),
                a.isActive,
                a.isTriggered,
                status,
                a.triggeredAt,
                a.lastFiredCandle,
                a.triggerCount,
                lastChecked,
                a.createdAt,
                a.updatedAt,
                a.version);
    }

    private static void applyOperands(SignalAlert alert, AlertRules.Resolved resolved) {
        alert.indicatorKey =
                resolved.indicator() == null ? null : resolved.indicator().key();
        alert.indicatorPath =
                resolved.indicator() == null ? null : resolved.indicator().path();
        alert.referenceKey =
                resolved.reference() == null ? null : resolved.reference().key();
        alert.referencePath =
                resolved.reference() == null ? null : resolved.reference().path();
    }

    private static boolean sameDecimal(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
