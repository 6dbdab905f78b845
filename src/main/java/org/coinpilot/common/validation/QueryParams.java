package org.coinpilot.common.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.coinpilot.common.problem.BadRequestProblemException;

/**
 * Query parameters bound as text and parsed here, so that a bad value is a 400 naming the parameter (a typed JAX-RS
 * query parameter that fails to parse is a 404).
 */
public final class QueryParams {

    private QueryParams() {}

    /** An ISO-8601 instant within {@link InstantBounds}, or null when absent or blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestProblemException(
                    name, "query", "must be an ISO-8601 instant, e.g. 2024-01-01T00:00:00Z");
        }
        if (!InstantBounds.contains(instant)) {
            throw new BadRequestProblemException(name, "query", InstantBounds.MESSAGE);
        }
        return instant;
    }

    /** Fails naming {@code fromName} unless {@code from} is before {@code to} (either may be absent). */
    public static void requireOrdered(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestProblemException(fromName, "query", "must be before " + toName);
        }
    }
}
