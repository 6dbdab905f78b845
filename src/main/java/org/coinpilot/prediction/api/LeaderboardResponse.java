package org.coinpilot.prediction.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The leaderboard of one window. */
@Schema(description = "Active model versions ranked by MASE of their newest scorecard of the window")
public record LeaderboardResponse(
        @Schema(description = "Window of target times: Nd or all")
        String window,

        @Schema(description = "Scored predictions a version needs before beatsNaive can be true")
        int minCountToBeatNaive,

        @Schema(description = "By rank") List<LeaderboardEntry> items) {}
