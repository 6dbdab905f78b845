package org.coinpilot.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.client.EmailSender;
import org.coinpilot.notification.client.WebhookSender;
import org.coinpilot.notification.config.NotificationDeliveryConfig;
import org.coinpilot.notification.domain.DeliveryAttemptStatus;
import org.coinpilot.notification.domain.DeliveryChannel;
import org.coinpilot.notification.domain.DeliveryStatus;
import org.coinpilot.notification.domain.NotificationPreferences;
import org.coinpilot.notification.persistence.DeliverySqlRepository;
import org.coinpilot.notification.persistence.DeliverySqlRepository.Claimed;
import org.coinpilot.notification.persistence.DeliverySqlRepository.FanOut;
import org.coinpilot.notification.persistence.DeliverySqlRepository.Outcome;

/**
 * The delivery outbox (job {@code notifications.deliver}). Each run:
 *
 * <ol>
 *   <li>fans out a batch of released notifications into {@code notification_deliveries}, one row per configured
 *       external channel, in one statement (idempotency key {@code <notificationId>:<channel>}, so running twice
 *       creates nothing twice);
 *   <li>claims a batch of due deliveries ({@code FOR UPDATE SKIP LOCKED}, a lease, attempts + 1) in one statement;
 *   <li>sends each outside any transaction (quiet hours hold non-urgent ones until the window ends);
 *   <li>records each attempt and the delivery's new state in one statement: sent, pending with exponential backoff,
 *       held, or gave_up after {@code max-attempts} failures.
 * </ol>
 *
 * A run that dies after claiming leaves its deliveries to be claimed again when the lease ends; a receiver may then
 * see the same delivery twice, with the same idempotency key.
 */
@ApplicationScoped
public class DeliveryService {

    private final DeliverySqlRepository repository;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final NotificationDeliveryConfig.Delivery config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Transactions tx;

    public DeliveryService(
            DeliverySqlRepository repository,
            WebhookSender webhooks,
            EmailSender emails,
            NotificationDeliveryConfig config,
            Clock clock,
            MeterRegistry registry,
            Transactions tx) {
        this.tx = tx;
        this.repository = repository;
        this.webhooks = webhooks;
        this.emails = emails;
        this.config = config.delivery();
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * What one run did.
     *
     * @param notifications notifications fanned out
     * @param created outbox rows created
     * @param claimed deliveries claimed
     * @param sent sent
     * @param failed failed (retried later)
     * @param held held back by quiet hours
     * @param gaveUp given up
     */
    public record DeliveryReport(
            long notifications, long created, int claimed, int sent, int failed, int held, int gaveUp) {}

    /** One run: fan out, then send what is due. */
    public Uni<DeliveryReport> deliver() {
        Instant now = Times.now(clock);
        return tx.statement(client -> repository.fanOut(client, now, config.fanOutBatch()))
                .chain(fanOut -> tx.statement(client ->
                                repository.claimDue(client, now, now.plus(config.lease()), config.sendBatch()))
                        .chain(claimed -> Multi.createFrom()
                                .iterable(claimed)
                                .onItem()
                                .transformToUni(this::handle)
                                .merge(config.concurrency())
                                .collect()
                                .asList())
                        .map(outcomes -> report(fanOut, outcomes)));
    }

    private static DeliveryReport report(FanOut fanOut, List<Outcome> outcomes) {
        int sent = 0;
        int failed = 0;
        int held = 0;
        int gaveUp = 0;
        for (Outcome outcome : outcomes) {
            switch (outcome.status()) {
                case SENT -> sent++;
                case HELD -> held++;
                case GAVE_UP -> gaveUp++;
                case PENDING -> failed++;
            }
        }
        return new DeliveryReport(
                fanOut.notifications(), fanOut.deliveries(), outcomes.size(), sent, failed, held, gaveUp);
    }

    /** Decides, sends if it may, records; never fails (a failure to record is logged, the lease retries it). */
    private Uni<Outcome> handle(Claimed delivery) {
        Instant now = Times.now(clock);
        NotificationPreferences preferences = NotificationPreferences.fromJson(delivery.preferences());
        Uni<Outcome> outcome;
        if (delivery.expiresAt() != null && !delivery.expiresAt().isAfter(now)) {
            outcome = Uni.createFrom()
                    .item(giveUp(delivery, now, "the notification expired before it could be delivered"));
        } else {
            Optional<Instant> quietUntil = quietUntil(delivery, preferences, now);
            if (quietUntil.isPresent()) {
                outcome = Uni.createFrom().item(held(delivery, now, quietUntil.get()));
            } else {
                outcome = send(delivery, preferences, now);
            }
        }
        return outcome.call(o -> tx.statement(client -> repository.record(client, o))
                .invoke(current -> {
                    if (!current) {
                        Log.infof(
                                "delivery %d: attempt %d recorded after its lease ran out",
                                o.deliveryId(), o.attempt());
                    }
                    count(delivery.channel(), o.status());
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.errorf(failure, "delivery %d: attempt %d could not be recorded", o.deliveryId(), o.attempt());
                    return false;
                }));
    }

    /** The end of the user's quiet window when now is inside it and the notification is not urgent. */
    private static Optional<Instant> quietUntil(Claimed delivery, NotificationPreferences preferences, Instant now) {
        if (preferences.quietHours() == null || "urgent".equals(delivery.priority())) {
            return Optional.empty();
        }
        return preferences
                .quietHours()
                .endOfWindowContaining(now, zone(delivery.timezone()))
                .filter(now::isBefore);
    }

    private Uni<Outcome> send(Claimed delivery, NotificationPreferences preferences, Instant now) {
        if (delivery.channel() == DeliveryChannel.WEBHOOK) {
            if (preferences.webhookUrl() == null || preferences.webhookSecret() == null) {
                return Uni.createFrom().item(giveUp(delivery, now, "no webhook URL is configured any more"));
            }
            return webhooks.send(
                            preferences.webhookUrl(),
                            preferences.webhookSecret(),
                            delivery.idempotencyKey(),
                            delivery.attempt(),
                            payload(delivery).encode(),
                            now.getEpochSecond())
                    .map(result -> result.ok()
                            ? sent(delivery, result.httpStatus(), result.latencyMs())
                            : failed(delivery, result.httpStatus(), result.error(), result.latencyMs()));
        }
        if (!preferences.email()) {
            return Uni.createFrom().item(giveUp(delivery, now, "email delivery is switched off"));
        }
        if (delivery.email() == null || delivery.email().isBlank()) {
            return Uni.createFrom().item(giveUp(delivery, now, "the account has no email address"));
        }
        return emails.send(delivery.email(), delivery.title(), mailText(delivery))
                .map(result -> result.ok()
                        ? sent(delivery, null, result.latencyMs())
                        : failed(delivery, null, result.error(), result.latencyMs()));
    }

    /** The webhook body: {id, type, title, message, data, priority, createdAt, deliveryId}. */
    static JsonObject payload(Claimed delivery) {
        return new JsonObject()
                .put("id", delivery.notificationId())
                .put("type", upper(delivery.notificationType()))
                .put("title", delivery.title())
                .put("message", delivery.message())
                .put("data", delivery.data())
                .put("priority", upper(delivery.priority()))
                .put(
                        "createdAt",
                        delivery.createdAt() == null
                                ? null
                                : delivery.createdAt().toString())
                .put("deliveryId", delivery.id());
    }

    static String mailText(Claimed delivery) {
        StringBuilder text = new StringBuilder(delivery.message() == null ? "" : delivery.message());
        if (delivery.data() instanceof JsonObject data && !data.isEmpty()) {
            text.append("\n\n");
            for (Map.Entry<String, Object> entry : data) {
                text.append(entry.getKey())
                        .append(": ")
                        .append(entry.getValue())
                        .append('\n');
            }
        }
        return text.append("\n--\nCoinpilot notification ")
                .append(delivery.notificationId())
                .append('\n')
                .toString();
    }

    private Outcome sent(Claimed d, Integer httpStatus, int latencyMs) {
        Instant at = Times.now(clock);
        return new Outcome(
                d.id(),
                d.attempt(),
                DeliveryAttemptStatus.SENT,
                httpStatus,
                null,
                latencyMs,
                at,
                DeliveryStatus.SENT,
                at,
                at);
    }

    private Outcome failed(Claimed d, Integer httpStatus, String error, int latencyMs) {
        Instant at = Times.now(clock);
        int failures = d.failures() + 1;
        boolean last = failures >= config.maxAttempts();
        return new Outcome(
                d.id(),
                d.attempt(),
                DeliveryAttemptStatus.FAILED,
                httpStatus,
                error,
                latencyMs,
                at,
                last ? DeliveryStatus.GAVE_UP : DeliveryStatus.PENDING,
                last ? at : at.plus(backoff(failures)),
                null);
    }

    private Outcome giveUp(Claimed d, Instant at, String error) {
        return new Outcome(
                d.id(),
                d.attempt(),
                DeliveryAttemptStatus.FAILED,
                null,
                error,
                0,
                at,
                DeliveryStatus.GAVE_UP,
                at,
                null);
    }

    private Outcome held(Claimed d, Instant at, Instant until) {
        return new Outcome(
                d.id(), d.attempt(), DeliveryAttemptStatus.HELD, null, null, 0, at, DeliveryStatus.HELD, until, null);
    }

    /** The wait after the {@code failures}-th failure: base × factor^(failures − 1), at most the cap. */
    Duration backoff(int failures) {
        double millis = config.backoffBase().toMillis() * Math.pow(config.backoffFactor(), failures - 1);
        long cap = config.backoffCap().toMillis();
        return Duration.ofMillis(Double.isFinite(millis) ? (long) Math.min(millis, cap) : cap);
    }

    private void count(DeliveryChannel channel, DeliveryStatus status) {
        registry.counter(
                        "coinpilot.notifications.deliveries",
                        "channel",
                        channel.dbValue(),
                        "outcome",
                        status == DeliveryStatus.PENDING ? "failed" : status.dbValue())
                .increment();
    }

    private static ZoneId zone(String timezone) {
        try {
            return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
