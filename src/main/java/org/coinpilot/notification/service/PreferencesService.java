package org.coinpilot.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.CurrentUser;
import org.coinpilot.identity.domain.NotificationSettings;
import org.coinpilot.identity.service.NotificationSettingsService;
import org.coinpilot.notification.api.NotificationPreferencesResponse;
import org.coinpilot.notification.api.UpdateNotificationPreferencesRequest;
import org.coinpilot.notification.client.WebhookAddressException;
import org.coinpilot.notification.client.WebhookAddressGuard;
import org.coinpilot.notification.domain.DeliveryChannel;
import org.coinpilot.notification.domain.NotificationPreferences;
import org.coinpilot.notification.domain.NotificationType;
import org.coinpilot.notification.domain.QuietHours;

/**
 * The caller's notification preferences: the {@code notifications} section identity keeps for this feature in the
 * user's preferences, read and replaced through identity's {@link NotificationSettingsService} (atomically, the rest
 * of the preferences left alone). A webhook URL is
 * checked by {@link WebhookAddressGuard} (name resolution off the event loop) and gets a fresh signing secret when
 * it is set or changed.
 */
@ApplicationScoped
public class PreferencesService {

    /** Always on for every notification; accepted in requests, never stored. */
    public static final List<String> ALWAYS_ON = List.of("in_app", "stream");

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotificationSettingsService settings;
    private final WebhookAddressGuard guard;
    private final CurrentUser currentUser;

    public PreferencesService(
            NotificationSettingsService settings, WebhookAddressGuard guard, CurrentUser currentUser) {
        this.settings = settings;
        this.guard = guard;
        this.currentUser = currentUser;
    }

    public Uni<NotificationPreferencesResponse> get() {
        return settings.find(currentUser.userId())
                .onItem()
                .ifNull()
                .failWith(PreferencesService::noUser)
                .map(PreferencesService::view);
    }

    /** Replaces the caller's notification preferences; 400 naming the field for any invalid part. */
    public Uni<NotificationPreferencesResponse> update(UpdateNotificationPreferencesRequest request) {
        long userId = currentUser.userId();
        Map<String, List<String>> channels = channels(request.channels());
        QuietHours quiet = quietHours(request.quietHours());
        boolean email = request.email() == null || request.email();
        String url = request.webhook() == null ? null : request.webhook().url();
        if (request.webhook() != null && (url == null || url.isBlank())) {
            throw new BadRequestProblemException(
                    "webhook.url", "body", "must not be blank; leave webhook out to remove your webhook");
        }
        boolean rotate = request.webhook() != null
                && Boolean.TRUE.equals(request.webhook().rotateSecret());
        Uni<String> checked = url == null
                ? Uni.createFrom().nullItem()
                : guard.check(url)
                        .onFailure(WebhookAddressException.class)
                        .transform(e -> new BadRequestProblemException("webhook.url", "body", e.getMessage()))
                        .map(destination -> url);
        return checked.chain(() -> settings.update(userId, current -> {
                    NotificationPreferences before = NotificationPreferences.fromJson(current.value());
                    String secret = null;
                    if (url != null) {
                        secret = url.equals(before.webhookUrl()) && before.webhookSecret() != null && !rotate
                                ? before.webhookSecret()
                                : newSecret();
                    }
                    return new NotificationPreferences(channels, url, secret, email, quiet).toJson();
                }))
                .onItem()
                .ifNull()
                .failWith(PreferencesService::noUser)
                .map(PreferencesService::view);
    }

    private static Map<String, List<String>> channels(Map<String, List<String>> requested) {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        if (requested == null) {
            return channels;
        }
        Set<String> types = new LinkedHashSet<>();
        for (NotificationType type : NotificationType.values()) {
            types.add(type.name().toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<String, List<String>> entry : requested.entrySet()) {
            String type = entry.getKey() == null ? "" : entry.getKey().toLowerCase(Locale.ROOT);
            String field = "channels." + entry.getKey();
            if (!types.contains(type)) {
                throw new BadRequestProblemException(field, "body", "is not a notification type; use one of " + types);
            }
            Set<String> names = new LinkedHashSet<>();
            List<String> values = entry.getValue() == null ? List.of() : entry.getValue();
            for (String value : values) {
                String name = value == null ? "" : value.toLowerCase(Locale.ROOT);
                if (ALWAYS_ON.contains(name)) {
                    continue;
                }
                if (!name.equals(DeliveryChannel.WEBHOOK.dbValue()) && !name.equals(DeliveryChannel.EMAIL.dbValue())) {
                    throw new BadRequestProblemException(
                            field, "body", "unknown channel '" + value + "'; use webhook, email, in_app or stream");
                }
                names.add(name);
            }
            channels.put(type, List.copyOf(names));
        }
        return channels;
    }

    private static QuietHours quietHours(UpdateNotificationPreferencesRequest.QuietHours requested) {
        if (requested == null) {
            return null;
        }
        LocalTime start = time("quietHours.start", requested.start());
        LocalTime end = time("quietHours.end", requested.end());
        if (start.equals(end)) {
            throw new BadRequestProblemException("quietHours.end", "body", "must differ from quietHours.start");
        }
        return new QuietHours(start, end);
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            throw new BadRequestProblemException(field, "body", "must be a time HH:mm (00:00 to 23:59)");
        }
        try {
            return LocalTime.parse(value, NotificationPreferences.HH_MM);
        } catch (DateTimeParseException e) {
            throw new BadRequestProblemException(field, "body", "must be a time HH:mm (00:00 to 23:59)");
        }
    }

    /** 32 random bytes, base64url without padding. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static NotificationPreferencesResponse view(NotificationSettings user) {
        NotificationPreferences p = NotificationPreferences.fromJson(user.value());
        return new NotificationPreferencesResponse(
                p.channels(),
                ALWAYS_ON,
                p.webhookUrl() == null
                        ? null
                        : new NotificationPreferencesResponse.Webhook(p.webhookUrl(), p.webhookSecret()),
                p.email(),
                user.email(),
                p.quietHours() == null
                        ? null
                        : new NotificationPreferencesResponse.QuietHours(
                                p.quietHours().start().format(NotificationPreferences.HH_MM),
                                p.quietHours().end().format(NotificationPreferences.HH_MM)),
                user.timezone());
    }

    private static ResourceNotFoundException noUser() {
        return new ResourceNotFoundException("USER_NOT_FOUND", "Your account does not exist.");
    }
}
