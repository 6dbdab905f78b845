package org.coinpilot.identity.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partial update of the caller's profile: absent (or null) fields are left unchanged; an empty string clears
 * names, bio and picture. {@code preferences} replaces the whole object.
 */
@Schema(description = "Profile changes; absent fields stay unchanged, \"\" clears a text field")
public record UpdateMeRequest(
        @Schema(description = "First name") @Size(max = 100) String firstName,
        @Schema(description = "Last name") @Size(max = 100) String lastName,

        @Schema(description = "Short biography") @Size(max = 2000)
        String bio,

        @Schema(description = "https URL of the profile picture", examples = "https://cdn.example.com/ada.png")
        @Size(max = 2048)
        @Pattern(regexp = "(https://\\S+)?", message = "must be an https URL")
        String profilePictureUrl,

        @Schema(description = "IANA time zone", examples = "Europe/Paris") @Size(max = 64)
        String timezone,

        @Schema(description = "BCP 47 language tag", examples = "en-GB")
        @Pattern(
                regexp = "[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?",
                message = "must be a language tag such as en or en-GB")
        @Size(max = 16)
        String language,

        @Schema(
                description =
                        "At most 50 keys ([A-Za-z][A-Za-z0-9_.-]{0,63}); values are strings (500 chars), numbers, "
                                + "booleans, null, arrays of those (50 items) or one level of nested object; 8 KiB in total")
        @Size(max = 50)
        Map<String, Object> preferences) {}
