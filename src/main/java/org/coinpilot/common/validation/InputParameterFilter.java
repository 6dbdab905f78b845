package org.coinpilot.common.validation;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses the character U+0000 in decoded path and query parameters ({@code %00}) before any resource runs:
 * PostgreSQL cannot store or compare it as text, so it would fail deep in a query. Answers the usual 400 naming
 * each offending parameter ({@code in: path} / {@code in: query}); JSON bodies are checked by
 * {@link InputJsonFactory}.
 */
public class InputParameterFilter {

    static final String MESSAGE = "must not contain the character U+0000";

    @ServerRequestFilter
    public void rejectNul(HttpServerRequest request, UriInfo uri) {
        String raw = request.uri();
        if (raw.indexOf("%00") < 0 && raw.indexOf('\0') < 0) {
            // the only way U+0000 gets into a decoded parameter; checked on the raw URI first, so that the
            // common request decodes nothing here
            return;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        collect(uri.getPathParameters(), "path", violations);
        collect(uri.getQueryParameters(), "query", violations);
        if (!violations.isEmpty()) {
            throw new BadRequestProblemException(violations);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, String in, List<Problem.Violation> into) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            // a name holding U+0000 is no parameter of ours, so nothing reads it
            if (parameter.getKey().indexOf('\0') < 0
                    && parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
                into.add(new Problem.Violation(parameter.getKey(), in, MESSAGE));
            }
        }
    }
}
