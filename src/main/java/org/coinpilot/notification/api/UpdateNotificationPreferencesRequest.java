package org.coinpilot.notification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Replaces your notification preferences (the {@code notifications} key of your preferences). Absent parts are
 * reset: no channels per type, no webhook, email on, no quiet hours.
 */
@Schema(description = "Your notification preferences; replaces the stored ones")
public record UpdateNotificationPreferencesRequest(
        @Schema(
                description =
                        "External channels per notification type (ALERT, SIGNAL, SYSTEM, EDUCATIONAL in any case)."
                                + " Channels: webhook, email; in_app and stream are always on and may be listed",
                examples = "{\"alert\": [\"webhook\", \"email\"], \"system\": [\"email\"]}")
        @Size(max = 10)
        Map<String, @Size(max = 10) List<@Size(max = 20) String>> channels,

        @Schema(description = "Your webhook; absent or null removes it") @Valid
        Webhook webhook,

        @Schema(description = "Email delivery to your account's address (default true)")
        Boolean email,

        @Schema(description = "Daily quiet hours in your time zone; absent or null: none") @Valid
        QuietHours quietHours) {

    @Schema(description = "Webhook settings")
    public record Webhook(
            @Schema(
                    description = "HTTPS URL that receives a signed POST per notification; must not point at a private"
                            + " address",
                    examples = "https://hooks.example.com/coinpilot")
            @Size(max = 500)
            String url,

            @Schema(description = "Generate a new signing secret even though the URL did not change")
            Boolean rotateSecret) {}

    @Schema(description = "Quiet hours: webhook and email wait until they end, except urgent notifications")
    public record QuietHours(
            @Schema(description = "Start, HH:mm", examples = "22:00") @Size(max = 5)
            String start,

            @Schema(description = "End, HH:mm (may be before the start: crosses midnight)", examples = "07:00")
            @Size(max = 5)
            String end) {}
}
