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
 * The evaluation statements (one per alert type) differ in how they find hits and word their notifications, but must share the
 * part that makes a trigger fire once: the {@code fired} UPDATE's SET and WHERE (re-checked after a racing pass's row
 * lock) and the notifications enqueued through notification's {@code notification_enqueue} (idempotent on the key
 * {@code alert:<id>:<candle epoch>}, or {@code alert:<id>:signal:<signal id>}). AlertExactlyOnceTest races price_target; this keeps the others equal.
 */
class EvaluationStatementsTest {

    @Test
    void shouldShareTheExactlyOnceGuardAcrossEveryAlertTypesStatement() throws IOException {
        Map<String, String> guards = new LinkedHashMap<>();
        for (AlertType type : AlertType.values()) {
            String name = SqlFileEvaluator.LOCATION + type.name().toLowerCase(Locale.ROOT) + ".sql";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                assertThat(in).as(name + " exists").isNotNull();
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
                // a trigger is (alert, candle); for signal_generated (alert, signal): one notification per new signal
                assertThat(sql)
                        .as(name)
                        .contains(
                                type == AlertType.SIGNAL_GENERATED
                                        ? "'alert:' || f.id || ':signal:' || h.signal_id"
                                        : "'alert:' || f.id || ':' || extract(epoch FROM f.candle_time)::bigint");
            }
        }
        assertThat(guards).hasSize(AlertType.values().length);
        assertThat(guards.values())
                .as("the fired UPDATE up to RETURNING")
                .containsOnly(guards.values().iterator().next());
        assertThat(guards.values().iterator().next())
                .contains("AND (a.last_fired_candle IS NULL OR a.last_fired_candle < h.candle_time)")
                .contains("AND a.is_active IS TRUE AND a.is_triggered IS FALSE");
    }
}
