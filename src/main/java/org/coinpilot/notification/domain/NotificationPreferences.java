package org.coinpilot.notification.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code notifications} key of {@code users.preferences}:
 *
 * <pre>{"channels": {"alert": ["webhook","email"], "system": ["email"]},
 *  "webhook": {"url": "https://…", "secret": "…"}, "email": true, "quietHours": {"start": "22:00", "end": "07:00"}}</pre>
 *
 * Channels hold the external channels only (webhook, email); in-app and the live stream are always on. {@code email}
 * absent means on (to the account's address). Reading is lenient: a part with the wrong shape is ignored (it can
 * only have been written by hand, through {@code PATCH /api/v1/me}).
 *
 * @param channels external channels per notification type (lowercase type → lowercase channels)
 * @param webhookUrl the user's HTTPS endpoint, or null
 * @param webhookSecret the HMAC secret of that endpoint, or null
 * @param email whether email delivery is on
 * @param quietHours the daily quiet window, or null
 */
public record NotificationPreferences(
        Map<String, List<String>> channels,
        String webhookUrl,
        String webhookSecret,
        boolean email,
        QuietHours quietHours) {

    public static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public NotificationPreferences {
        channels = channels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    /** No preferences stored: no external channel per type, no webhook, email on, no quiet hours. */
    public static NotificationPreferences defaults() {
        return new NotificationPreferences(Map.of(), null, null, true, null);
    }

    /** Parses the stored object (null or not an object: defaults). */
    public static NotificationPreferences fromJson(Object stored) {
        if (!(stored instanceof JsonObject json)) {
            return defaults();
        }
        Map<String, List<String>> channels = new LinkedHashMap<>();
        if (json.getValue("channels") instanceof JsonObject perType) {
            for (String type : perType.fieldNames()) {
                if (perType.getValue(type) instanceof JsonArray list) {
                    Set<String> names = new LinkedHashSet<>();
                    for (Object item : list) {
                        if (item instanceof String name) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                    channels.put(type.toLowerCase(Locale.ROOT), List.copyOf(names));
                }
            }
        }
        String url = null;
        String secret = null;
        if (json.getValue("webhook") instanceof JsonObject webhook) {
            url = webhook.getValue("url") instanceof String u && !u.isBlank() ? u : null;
            secret = webhook.getValue("secret") instanceof String s && !s.isBlank() ? s : null;
        }
        boolean email = !(json.getValue("email") instanceof Boolean on) || on;
        QuietHours quiet = null;
        if (json.getValue("quietHours") instanceof JsonObject hours
                && hours.getValue("start") instanceof String start
                && hours.getValue("end") instanceof String end) {
            try {
                LocalTime from = LocalTime.parse(start, HH_MM);
                LocalTime to = LocalTime.parse(end, HH_MM);
                quiet = from.equals(to) ? null : new QuietHours(from, to);
            } catch (DateTimeParseException e) {
                quiet = null;
            }
        }
        return new NotificationPreferences(channels, url, secret, email, quiet);
    }

    /** The stored form. */
    public JsonObject toJson() {
        JsonObject perType = new JsonObject();
        channels.forEach((type, names) -> perType.put(type, new JsonArray(List.copyOf(names))));
        JsonObject json = new JsonObject().put("channels", perType).put("email", email);
        if (webhookUrl != null) {
            json.put("webhook", new JsonObject().put("url", webhookUrl).put("secret", webhookSecret));
        }
        if (quietHours != null) {
            json.put(
                    "quietHours",
                    new JsonObject()
                            .put("start", quietHours.start().format(HH_MM))
                            .put("end", quietHours.end().format(HH_MM)));
        }
        return json;
    }
}
