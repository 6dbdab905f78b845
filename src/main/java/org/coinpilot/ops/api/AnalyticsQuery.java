package org.coinpilot.ops.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the analytics list; absent means any. */
public class AnalyticsQuery {

    @QueryParam("category")
    @Pattern(
            regexp = "user_behavior|api_usage|performance",
            message = "must be user_behavior, api_usage or performance")
    @Parameter(description = "user_behavior, api_usage or performance")
    public String category;

    @QueryParam("metric")
    @Size(max = 100, message = "must be at most 100 characters")
    @Pattern(regexp = "[a-z][a-z0-9_]*", message = "must be a metric name such as requests or latency_p95_ms")
    @Parameter(description = "Metric name, e.g. active_users, requests, latency_p95_ms (docs/operations.md)")
    public String metric;

    @QueryParam("aggregation")
    @Pattern(regexp = "hourly|daily", message = "must be hourly or daily")
    @Parameter(description = "hourly or daily")
    public String aggregation;

    @QueryParam("from")
    @Size(max = 64, message = "must be at most 64 characters")
    @Parameter(description = "Periods starting at or after this ISO-8601 instant, e.g. 2026-01-01T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Size(max = 64, message = "must be at most 64 characters")
    @Parameter(description = "Periods starting before this ISO-8601 instant (exclusive)")
    public String to;
}
