package org.coinpilot.identity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.coinpilot.common.problem.BadRequestProblemException;

/**
 * The shape of {@code users.preferences}: a JSON object of at most 50 keys named
 * {@code [A-Za-z][A-Za-z0-9_.-]{0,63}}, whose values are scalars (strings of at most 500 characters, numbers,
 * booleans, null), arrays of at most 50 scalars, or one level of nested object with the same rules; 8 KiB at most
 * once serialized. The key {@value #NOTIFICATIONS} is reserved: the notification feature owns it (channels, webhook
 * secret, quiet hours, validated by {@code /api/v1/notifications/preferences}), so {@code PATCH /api/v1/me} refuses it,
 * keeps the stored value, and {@code GET /api/v1/me} does not show it.
 */
final class PreferencesValidator {

    static final int MAX_KEYS = 50;
    static final int MAX_STRING = 500;
    static final int MAX_BYTES = 8192;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The preferences key managed by the notification feature. */
    static final String NOTIFICATIONS = "notifications";

    private PreferencesValidator() {}

    static void check(Map<String, Object> preferences) {
        if (preferences.containsKey(NOTIFICATIONS)) {
            throw invalid(
                    "preferences." + NOTIFICATIONS,
                    "is managed by PUT /api/v1/notifications/preferences, not by the profile");
        }
        checkObject("preferences", preferences, 0);
        try {
            if (JSON.writeValueAsBytes(preferences).length > MAX_BYTES) {
                throw invalid("preferences", "must be at most " + MAX_BYTES + " bytes of JSON");
            }
        } catch (JsonProcessingException e) {
            throw invalid("preferences", "is not serializable JSON");
        }
    }

    private static void checkObject(String path, Map<?, ?> object, int depth) {
        if (object.size() > MAX_KEYS) {
            throw invalid(path, "must have at most " + MAX_KEYS + " keys");
        }
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!KEY.matcher(key).matches()) {
                throw invalid(path, "key '" + cut(key) + "' must match [A-Za-z][A-Za-z0-9_.-]{0,63}");
            }
            String child = path + "." + key;
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                if (depth >= 1) {
                    throw invalid(child, "must not nest objects more than one level");
                }
                checkObject(child, nested, depth + 1);
            } else if (value instanceof List<?> list) {
                if (list.size() > MAX_KEYS) {
                    throw invalid(child, "must have at most " + MAX_KEYS + " items");
                }
                for (Object item : list) {
                    checkScalar(child, item);
                }
            } else {
                checkScalar(child, value);
            }
        }
    }

    private static void checkScalar(String path, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof String text) {
            if (text.length() > MAX_STRING) {
                throw invalid(path, "must be at most " + MAX_STRING + " characters");
            }
            return;
        }
        throw invalid(path, "must be a string, number, boolean or null");
    }

    private static String cut(String key) {
        return key.length() > 20 ? key.substring(0, 20) + "…" : key;
    }

    private static BadRequestProblemException invalid(String field, String message) {
        return new BadRequestProblemException(field, "body", message);
    }
}
