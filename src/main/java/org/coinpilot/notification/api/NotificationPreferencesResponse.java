package org.coinpilot.notification.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Your notification preferences. */
@Schema(description = "Your notification preferences")
public record NotificationPreferencesResponse(
        @Schema(description = "External channels per notification type (lowercase type → webhook/email)")
        Map<String, List<String>> channels,

        @Schema(
                description = "Channels that are always on for every notification",
                examples = "[\"in_app\", \"stream\"]")
        List<String> alwaysOn,

        @Schema(description = "Your webhook, or null", nullable = true)
        Webhook webhook,

        @Schema(description = "Whether email delivery is on")
        boolean email,

        @Schema(description = "Where emails go (your account's address)")
        String emailAddress,

        @Schema(description = "Quiet hours, or null", nullable = true)
        QuietHours quietHours,

        @Schema(description = "Your time zone (quiet hours are read in it); change it with PATCH /api/v1/me")
        String timezone) {

    @Schema(description = "Webhook settings; the secret is shown to you only")
    public record Webhook(
            @Schema(description = "The HTTPS URL") String url,

            @Schema(
                    description = "HMAC-SHA256 signing secret (base64url, 32 random bytes); generated when the URL is"
                            + " set or changed")
            String secret) {}

    @Schema(description = "Daily quiet window in your time zone")
    public record QuietHours(
            @Schema(description = "Start, HH:mm", examples = "22:00")
            String start,

            @Schema(description = "End, HH:mm", examples = "07:00")
            String end) {}
}
