package org.coinpilot.alert.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.coinpilot.alert.domain.AlertType;
import org.junit.jupiter.api.Test;

/**
 * The four evaluation statements differ in how they find hits and word their notifications, but must share the
 * part that makes a trigger fire once: the {@code fired} UPDATE's SET and WHERE (re-checked after a racing pass's row
 * lock) and the notifications enqueued through notification's {@code notification_enqueue} (idempotent on the key
 * {@code alert:<id>:<candle epoch>}). AlertExactlyOnceTest races price_target; this keeps the others equal.
 */
class EvaluationStatementsTest {

    @Test
    void shouldShareTheExactlyOnceGuardAcrossEveryAlertTypesStatement() throws IOException {
        Map<String, String> guards = new LinkedHashMap<>();
        for (AlertType type : AlertType.values()) {
            String name = SqlFileEvaluator.LOCATION + type.name().toLowerCase(Locale.ROOT) + ".sql";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    continue; // a type without a statement yet (signal_generated)
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int fired = sql.indexOf("fired AS (");
                int returning = sql.indexOf("RETURNING", fired);
                assertThat(fired).as(name + " has a fired CTE").isPositive();
                guards.put(name, sql.substring(fired, returning));
                assertThat(sql)
                        .as(name)
                        .contains("SELECT notification_enqueue(array_agg(ROW(f.user_id, 'alert',")
                        .contains(")::notification_draft), $1::timestamptz) AS inserted")
                        .doesNotContain("INSERT INTO notifications");
                assertThat(sql)
                        .as(name)
                        .contains("'alert:' || f.id || ':' || extract(epoch FROM f.candle_time)::bigint");
            }
        }
        assertThat(guards).hasSize(4);
        assertThat(guards.values())
                .as("the fired UPDATE up to RETURNING")
                .containsOnly(guards.values().iterator().next());
        assertThat(guards.values().iterator().next())
                .contains("AND (a.last_fired_candle IS NULL OR a.last_fired_candle < h.candle_time)")
                .contains("AND a.is_active AND NOT a.is_triggered");
    }
}
