package org.coinpilot.sector.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A detected rotation of capital between two sectors. */
@Schema(description = "A detected rotation of capital from one sector to another (rules in docs/sectors.md)")
public record SectorRotationResponse(
        @Schema(description = "Id") long id,
        @Schema(description = "Sector capital moves out of") long fromSectorId,
        @Schema(description = "Its name") String fromSectorName,
        @Schema(description = "Sector capital moves into") long toSectorId,
        @Schema(description = "Its name") String toSectorName,

        @Schema(description = "Strength, 0-1", examples = "0.62")
        BigDecimal rotationStrength,

        @Schema(description = "Confidence, 0-1: confirming rules passed / 5 x data coverage", examples = "0.6")
        BigDecimal confidenceScore,

        @Schema(description = "Each rule's inputs and outcome, and both sectors' figures")
        Map<String, Object> indicators,

        @Schema(description = "When it was detected") Instant detectedAt) {}
