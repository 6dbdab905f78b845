package org.coinpilot.common.persistence;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code where} part of a filtered list query from optional values: each condition is added only
 * when its value is non-null, always with a named parameter (never by concatenating a value). Repositories use
 * it for their {@code Filter} records; an empty filter matches every row.
 */
public final class HqlFilter {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** {@code attribute = :name} when {@code value} is not null. */
    public HqlFilter equal(String attribute, String name, Object value) {
        return when(value, attribute + " = :" + name, name, value);
    }

    /** {@code attribute >= :name} when {@code value} is not null. */
    public HqlFilter atLeast(String attribute, String name, Object value) {
        return when(value, attribute + " >= :" + name, name, value);
    }

    /** {@code attribute < :name} (exclusive upper bound) when {@code value} is not null. */
    public HqlFilter before(String attribute, String name, Object value) {
        return when(value, attribute + " < :" + name, name, value);
    }

    /** A condition of its own that uses {@code :name}, added when {@code value} is not null. */
    public HqlFilter when(Object value, String condition, String name, Object parameterValue) {
        if (value != null) {
            clauses.add(condition);
            parameters.and(name, parameterValue);
        }
        return this;
    }

    /** A condition without parameters, added when {@code apply} is true. */
    public HqlFilter when(boolean apply, String condition) {
        if (apply) {
            clauses.add(condition);
        }
        return this;
    }

    /** The conditions joined with {@code and}; {@code 1 = 1} when there are none. */
    public String hql() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** {@code text} escaped for a {@code like} pattern (backslash is the escape character). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
