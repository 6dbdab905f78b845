package org.coinpilot.common.problem;

import io.vertx.pgclient.PgException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Classifies infrastructure failures that are not programming errors: database constraint violations
 * (unique → 409, foreign key → 409, check / not-null → 422, serialization → 409), text PostgreSQL cannot
 * store (U+0000 → 400; the input boundary normally refuses it first) and timeouts or open
 * circuits (→ 503). Walks the cause chain, since Hibernate Reactive and Mutiny wrap the real cause.
 */
record ProblemFailure(ProblemType type, String code, String detail) {

    static ProblemFailure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ProblemFailure byState = bySqlState(sqlState(t));
            if (byState != null) {
                return byState;
            }
            if (t instanceof org.hibernate.StaleStateException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return new ProblemFailure(
                        ProblemType.CONFLICT,
                        "STALE_VERSION",
                        "The resource was changed by another request; reload it and try again.");
            }
            if (t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return new ProblemFailure(
                        ProblemType.UNAVAILABLE, "TIMEOUT", "The operation timed out; try again shortly.");
            }
            if (t instanceof CircuitBreakerOpenException) {
                return new ProblemFailure(
                        ProblemType.UNAVAILABLE,
                        "DEPENDENCY_UNAVAILABLE",
                        "A dependency is temporarily unavailable; try again shortly.");
            }
            if (t instanceof io.vertx.core.impl.NoStackTraceThrowable
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return new ProblemFailure(
                        ProblemType.UNAVAILABLE, "TIMEOUT", "The operation timed out; try again shortly.");
            }
        }
        return null;
    }

    /**
     * The SQLSTATE a failure carries: the reactive PG client's {@link PgException} (plain SQL through the pool),
     * or, on the Hibernate Reactive path, the {@link java.sql.SQLException} it builds from it and the
     * {@link org.hibernate.JDBCException} (e.g. {@code DataException}) Hibernate converts that into.
     */
    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static ProblemFailure bySqlState(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "23505" ->
                new ProblemFailure(
                        ProblemType.CONFLICT, "DUPLICATE", "A resource with the same unique values already exists.");
            case "23503" ->
                new ProblemFailure(
                        ProblemType.CONFLICT,
                        "REFERENCE_CONFLICT",
                        "The operation refers to, or is referred to by, another resource.");
            case "23514", "23502", "22003", "22001" ->
                new ProblemFailure(
                        ProblemType.BUSINESS_RULE, "CONSTRAINT_VIOLATED", "The values break a data constraint.");
            case "22021", "22P05" ->
                // U+0000 in text (invalid byte sequence) or in jsonb (unsupported Unicode escape)
                new ProblemFailure(
                        ProblemType.VALIDATION, null, "The text contains a character that cannot be stored (U+0000).");
            case "40001", "40P01" ->
                new ProblemFailure(
                        ProblemType.CONFLICT, "CONCURRENT_UPDATE", "A concurrent update interfered; try again.");
            case "57014" ->
                new ProblemFailure(ProblemType.UNAVAILABLE, "TIMEOUT", "The operation timed out; try again shortly.");
            default -> null;
        };
    }
}
