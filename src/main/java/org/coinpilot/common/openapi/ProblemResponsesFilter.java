package org.coinpilot.common.openapi;

import java.util.Map;
import org.coinpilot.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every documented error response of every operation an {@code application/problem+json}
 * {@link Problem}, and adds the responses every operation can give (400 for bad input where it takes input,
 * 401/403 where it is secured, 500 and 503 everywhere), so the document never under-states the errors.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean takesInput =
                (operation.getParameters() != null && !operation.getParameters().isEmpty())
                        || operation.getRequestBody() != null;
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (takesInput) {
            addIfAbsent(responses, "400", "Invalid input: the violations name the offending fields");
        }
        if (secured) {
            addIfAbsent(responses, "401", "Missing, expired or invalid access token");
            addIfAbsent(responses, "403", "The caller's role may not use this operation");
        }
        addIfAbsent(responses, "500", "Unexpected error (no internals are disclosed; quote the traceId)");
        addIfAbsent(responses, "503", "A dependency is unavailable or timed out");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            if (status.startsWith("4") || status.startsWith("5")) {
                entry.getValue().setContent(problemContent());
            }
        }
        return operation;
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
