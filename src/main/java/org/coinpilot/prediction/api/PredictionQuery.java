package org.coinpilot.prediction.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the prediction list; absent means any. */
public class PredictionQuery {

    @QueryParam("modelId")
    @Min(1)
    @Max(Long.MAX_VALUE)
    @Parameter(description = "Only the predictions of this model version")
    public Long modelId;

    @QueryParam("symbol")
    @Size(max = 20)
    @Pattern(regexp = "^[A-Za-z0-9]+$", message = "must be letters and digits")
    @Parameter(description = "Only the predictions of this asset")
    public String symbol;

    @QueryParam("realized")
    @Parameter(description = "Only scored (true) or not yet scored (false) predictions")
    public Boolean realized;

    // from and to are text, parsed by the service: a typed parameter that fails to parse would be a 404
    @QueryParam("from")
    @Size(max = 40)
    @Parameter(description = "Created at or after this ISO-8601 instant; before to")
    public String from;

    @QueryParam("to")
    @Size(max = 40)
    @Parameter(description = "Created before this ISO-8601 instant (exclusive)")
    public String to;
}
