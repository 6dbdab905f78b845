package org.coinpilot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A batch that locks its rows ({@code FOR UPDATE … SKIP LOCKED}) is never picked by {@code IN (subquery)}:
 * PostgreSQL may run that subquery as the inner side of a nested loop, once per outer row, when the statistics predate
 * the rows (right after a burst of inserts, and in the generic plan a cached prepared statement gets) — quadratic in
 * the backlog, and the batch's LIMIT no longer bounds what the statement changes
 * ({@code notification.persistence.BatchStatementPlansTest} reproduces it). Take the batch as {@code = ANY(ARRAY(…))}
 * (run once, as an InitPlan) or as a {@code WITH} query (a locking {@code WITH} query is run once), as
 * docs/architecture.md ("Data access") says.
 */
class LockingSubqueryShapeTest {

    static final Pattern IN_SUBQUERY = Pattern.compile("\\bIN\\s*\\(\\s*SELECT\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void shouldNotPickALockingBatchWithAnInSubqueryWhenWritingSql() {
        List<String> found = new ArrayList<>();
        for (SqlOwnershipTest.Source source : SqlOwnershipTest.sources()) {
            for (String subquery : lockingInSubqueries(source.sql())) {
                found.add(source.file() + ": IN (" + subquery.strip().replaceAll("\\s+", " ") + ")");
            }
        }
        assertThat(found).as("IN (SELECT … FOR UPDATE) batches").isEmpty();
    }

    @Test
    void shouldFindTheInSubqueryShapeWhenItLocksItsRows() {
        assertThat(lockingInSubqueries(
                        "UPDATE t SET x = 1 WHERE id IN (\n  SELECT id FROM t WHERE (a IS NULL) LIMIT $1 FOR UPDATE"
                                + " SKIP LOCKED) RETURNING id"))
                .hasSize(1);
        assertThat(lockingInSubqueries(
                        "DELETE FROM t WHERE id = ANY(ARRAY(SELECT id FROM t LIMIT 5 FOR UPDATE" + " SKIP LOCKED))"))
                .isEmpty();
        assertThat(lockingInSubqueries("SELECT * FROM t WHERE id IN (SELECT id FROM u) FOR UPDATE"))
                .as("the outer statement's lock is not the subquery's")
                .isEmpty();
    }

    /** The bodies of the {@code IN (SELECT …)} subqueries of {@code sql} that contain {@code FOR UPDATE}. */
    static List<String> lockingInSubqueries(String sql) {
        String text = SqlOwnershipTest.withoutCommentsAndLiterals(sql);
        List<String> locking = new ArrayList<>();
        Matcher in = IN_SUBQUERY.matcher(text);
        while (in.find()) {
            int open = text.indexOf('(', in.start());
            int depth = 0;
            int end = text.length();
            for (int i = open; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            String body = text.substring(open + 1, end);
            if (body.toUpperCase(Locale.ROOT).matches("(?s).*\\bFOR\\s+UPDATE\\b.*")) {
                locking.add(body);
            }
        }
        return locking;
    }
}
