package org.coinpilot.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.common.time.Times;
import org.coinpilot.notification.api.NotificationQuery;
import org.coinpilot.notification.api.NotificationResponse;
import org.coinpilot.notification.api.ReadAllResponse;
import org.coinpilot.notification.api.UnreadCountResponse;
import org.coinpilot.notification.domain.Notification;
import org.coinpilot.notification.domain.NotificationPriority;
import org.coinpilot.notification.domain.NotificationStatus;
import org.coinpilot.notification.domain.NotificationType;
import org.coinpilot.notification.persistence.NotificationRepository;

/**
 * The owner's notifications: list, unread count, view, read, read all, dismiss. Ownership and visibility (due,
 * not expired, not dismissed, at the clock's now) are applied in every query: someone else's id, or one not
 * visible, is a 404.
 */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Transactions tx;

    public NotificationService(
            NotificationRepository notifications, CurrentUser currentUser, Clock clock, Transactions tx) {
        this.tx = tx;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public Uni<PageResponse<NotificationResponse>> list(NotificationQuery query, PageQuery page) {

        return tx.read(() -> {
            long ownerId = currentUser.userId();
            Instant now = Times.now(clock);
            NotificationRepository.Filter filter = filter(query);
            Uni<Long> total = page.includeTotal
                    ? notifications.countVisible(ownerId, filter, now)
                    : Uni.createFrom().nullItem();
            return total.chain(count -> notifications
                    .findVisiblePage(ownerId, filter, now, page)
                    .map(rows -> PageResponse.of(
                            rows.stream().map(NotificationViews::response).toList(), page, count)));
        });
    }

    public Uni<UnreadCountResponse> unreadCount() {

        return tx.read(() -> notifications
                .countVisibleUnread(currentUser.userId(), Times.now(clock))
                .map(UnreadCountResponse::new));
    }

    public Uni<NotificationResponse> get(long id) {

        return tx.read(() -> load(id, Times.now(clock)).map(NotificationViews::response));
    }

    /** Marks it read (again: nothing changes). */
    public Uni<NotificationResponse> markRead(long id) {
        return tx.write(() -> {
            Instant now = Times.now(clock);
            return load(id, now).invoke(n -> n.markRead(now)).map(NotificationViews::response);
        });
    }

    /** Marks every visible unread notification read; scheduled ones not yet due stay unread. */
    public Uni<ReadAllResponse> markAllRead() {
        return tx.write(() -> notifications
                .markAllVisibleRead(currentUser.userId(), Times.now(clock))
                .map(ReadAllResponse::new));
    }

    /** Dismisses it: gone from lists, counts and the stream; a second dismiss is a 404. */
    public Uni<Void> dismiss(long id) {
        return tx.write(
                () -> load(id, Times.now(clock)).invoke(Notification::dismiss).replaceWithVoid());
    }

    /** The caller's notification {@code id} as the API shows it at {@code now}, else a 404 problem. */
    Uni<Notification> load(long id, Instant now) {
        return notifications
                .findVisibleByIdAndOwner(id, currentUser.userId(), now)
                .onItem()
                .ifNull()
                .failWith(() -> new ResourceNotFoundException(
                        "NOTIFICATION_NOT_FOUND", "You have no notification with id " + id + "."));
    }

    static NotificationRepository.Filter filter(NotificationQuery query) {
        NotificationStatus status = null;
        if (query.status != null && !query.status.isBlank()) {
            status = parse("status", query.status.strip(), NotificationStatus::valueOf, "UNREAD or READ");
            if (status == NotificationStatus.DISMISSED) {
                throw new BadRequestProblemException("status", "query", "must be UNREAD or READ");
            }
        }
        List<NotificationType> types =
                parseAll("type", query.type, NotificationType::valueOf, "one of ALERT, SIGNAL, SYSTEM, EDUCATIONAL");
        List<NotificationPriority> priorities =
                parseAll("priority", query.priority, NotificationPriority::valueOf, "one of LOW, NORMAL, HIGH, URGENT");
        return new NotificationRepository.Filter(status, types, priorities);
    }

    /** Repeated and comma-separated values, each checked. */
    private static <E> List<E> parseAll(
            String parameter, List<String> raw, Function<String, E> valueOf, String expected) {
        List<E> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String item : raw) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    E value = parse(parameter, part.strip(), valueOf, expected);
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static <E> E parse(String parameter, String value, Function<String, E> valueOf, String expected) {
        try {
            return valueOf.apply(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestProblemException(parameter, "query", "must be " + expected);
        }
    }
}
