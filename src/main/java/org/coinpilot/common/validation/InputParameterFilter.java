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
 *
 * <p>Also bounds every path and query parameter, whatever the endpoint: a value of at most {@link #MAX_LENGTH}
 * characters, a query parameter given at most {@link #MAX_VALUES} times. The API description declares both on every
 * parameter that has no tighter limit of its own ({@code common.openapi.ProblemResponsesFilter}), so that the limit
 * the document states is the one the server enforces.
 */
public class InputParameterFilter {

    static final String MESSAGE = "must not contain the character U+0000";

    /** The longest value of any path or query parameter, in characters (after decoding). */
    public static final int MAX_LENGTH = 1000;

    /** How often one query parameter may be given ({@code ?type=A&type=B…}). */
    public static final int MAX_VALUES = 100;

    static final String TOO_LONG = "must be at most " + MAX_LENGTH + " characters";
    static final String TOO_MANY = "may be given at most " + MAX_VALUES + " times";

    @ServerRequestFilter
    public void limitParameters(HttpServerRequest request, UriInfo uri) {
        String raw = request.uri();
        if (raw.length() <= MAX_LENGTH && raw.length() < 2 * MAX_VALUES) {
            // a decoded value is never longer than its encoding, and MAX_VALUES values take 2 * MAX_VALUES - 1
            // characters at least: the common request decodes nothing here
            return;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        limit(uri.getPathParameters(), "path", violations);
        limit(uri.getQueryParameters(), "query", violations);
        if (!violations.isEmpty()) {
            throw new BadRequestProblemException(violations);
        }
    }

    private static void limit(MultivaluedMap<String, String> parameters, String in, List<Problem.Violation> into) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name.indexOf('\0') >= 0 || name.length() > MAX_LENGTH) {
                continue; // no parameter of ours, so nothing reads it
            }
            if (parameter.getValue().size() > MAX_VALUES) {
                into.add(new Problem.Violation(name, in, TOO_MANY));
            } else if (parameter.getValue().stream().anyMatch(value -> value != null && value.length() > MAX_LENGTH)) {
                into.add(new Problem.Violation(name, in, TOO_LONG));
            }
        }
    }

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
