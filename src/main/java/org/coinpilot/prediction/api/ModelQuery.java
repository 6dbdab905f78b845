package org.coinpilot.prediction.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.coinpilot.prediction.domain.ModelStatus;
import org.coinpilot.prediction.domain.ModelType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the registry list; absent means any. */
public class ModelQuery {

    @QueryParam("name")
    @Size(max = 100)
    @Pattern(regexp = ModelNames.PATTERN, message = ModelNames.MESSAGE)
    @Parameter(description = "Only the versions of this model name")
    public String name;

    @QueryParam("modelType")
    @Parameter(description = "Only this analysis layer, e.g. ASSET")
    public ModelType modelType;

    @QueryParam("status")
    @Parameter(description = "Only this status, e.g. ACTIVE")
    public ModelStatus status;

    @QueryParam("active")
    @Parameter(description = "Only active (true) or not active (false) versions")
    public Boolean active;
}
