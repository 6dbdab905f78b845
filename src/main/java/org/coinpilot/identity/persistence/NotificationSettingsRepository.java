package org.coinpilot.identity.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.identity.domain.NotificationSettings;

/**
 * The {@code notifications} key of {@code users.preferences}, read and replaced on its own by one {@code jsonb_set}
 * (the rest of the preferences is left alone), on the connection the service hands in.
 */
@ApplicationScoped
public class NotificationSettingsRepository {

    static final String FIND = """
            SELECT id, preferences -> 'notifications' AS settings, email, timezone
            FROM users WHERE id = $1 AND deleted_at IS NULL""";

    static final String REPLACE = """
            UPDATE users SET preferences = jsonb_set(preferences, '{notifications}', $2::jsonb, true)
            WHERE id = $1 AND deleted_at IS NULL
            RETURNING id, preferences -> 'notifications' AS settings, email, timezone""";

    /** The user's section, or null when there is no such (undeleted) user; {@code lock}: FOR UPDATE. */
    public Uni<NotificationSettings> find(SqlClient client, long userId, boolean lock) {
        return client.preparedQuery(lock ? FIND + " FOR UPDATE" : FIND)
                .execute(Tuple.of(userId))
                .map(NotificationSettingsRepository::settings);
    }

    /** Replaces the section; null when there is no such (undeleted) user. */
    public Uni<NotificationSettings> replace(SqlClient client, long userId, JsonObject value) {
        return client.preparedQuery(REPLACE)
                .execute(Tuple.of(userId, value))
                .map(NotificationSettingsRepository::settings);
    }

    private static NotificationSettings settings(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return new NotificationSettings(
                row.getLong("id"), row.getValue("settings"), row.getString("email"), row.getString("timezone"));
    }
}
