package org.coinpilot.recommendation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's feedback on a recommendation; replaces any earlier feedback. */
@Schema(description = "Feedback and rating")
public record FeedbackRequest(
        @Size(max = 2000) @Schema(description = "Free text (at most 2000 characters)", nullable = true)
        String feedback,

        @NotNull
        @Min(1)
        @Max(5)
        @Schema(
                description = "Rating from 1 (useless) to 5 (very useful)",
                minimum = "1",
                maximum = "5",
                examples = "4")
        Integer rating) {}
