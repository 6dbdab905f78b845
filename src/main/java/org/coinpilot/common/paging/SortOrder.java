package org.coinpilot.common.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.coinpilot.common.problem.BadRequestProblemException;

/**
 * A parsed {@code sort=field,-field2} parameter, restricted to a per-endpoint whitelist that maps API field
 * names to entity attributes; an {@code id} tiebreaker is always appended. Never builds a query from a free
 * text field name.
 */
public final class SortOrder {

    private final List<String> clauses;

    private SortOrder(List<String> clauses) {
        this.clauses = clauses;
    }

    /**
     * @param raw the parameter value, e.g. {@code -createdAt,name}; null or blank gives {@code defaultSort}
     * @param allowed API field name → entity attribute (HQL path)
     * @param defaultSort used when {@code raw} is empty
     */
    public static SortOrder parse(String raw, Map<String, String> allowed, String defaultSort) {
        String value = raw == null || raw.isBlank() ? defaultSort : raw;
        Map<String, String> seen = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            String token = part.trim();
            boolean descending = token.startsWith("-");
            String field = descending || token.startsWith("+") ? token.substring(1) : token;
            String attribute = allowed.get(field);
            if (attribute == null) {
                throw new BadRequestProblemException(
                        "sort",
                        "query",
                        "unknown sort field '" + field + "'; allowed: " + String.join(", ", allowed.keySet()));
            }
            if (seen.putIfAbsent(attribute, attribute + (descending ? " desc" : " asc")) != null) {
                throw new BadRequestProblemException("sort", "query", "field '" + field + "' is given twice");
            }
        }
        List<String> clauses = new ArrayList<>(seen.values());
        if (!seen.containsKey("id")) {
            boolean lastDescending =
                    !clauses.isEmpty() && clauses.get(clauses.size() - 1).endsWith(" desc");
            clauses.add(lastDescending ? "id desc" : "id asc");
        }
        return new SortOrder(List.copyOf(clauses));
    }

    /** The HQL {@code order by} body, e.g. {@code createdAt desc, id desc}. */
    public String hql() {
        return clauses.stream().collect(Collectors.joining(", "));
    }
}
