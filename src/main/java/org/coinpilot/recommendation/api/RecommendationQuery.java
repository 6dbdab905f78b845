package org.coinpilot.recommendation.api;

import jakarta.ws.rs.QueryParam;
import org.coinpilot.recommendation.domain.PriorityLevel;
import org.coinpilot.recommendation.domain.RecommendationStatus;
import org.coinpilot.recommendation.domain.RecommendationType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the caller's recommendations; absent means any. */
public class RecommendationQuery {

    @QueryParam("status")
    @Parameter(description = "Only recommendations in this state, e.g. PENDING")
    public RecommendationStatus status;

    @QueryParam("type")
    @Parameter(description = "Only recommendations of this type, e.g. ENTRY")
    public RecommendationType type;

    @QueryParam("priority")
    @Parameter(description = "Only recommendations of this priority, e.g. URGENT")
    public PriorityLevel priority;
}
