package org.coinpilot.watchlist.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The read of one watchlist with its entries in ONE statement whatever its length. The service hands in the client.
 */
@ApplicationScoped
public class WatchlistReadRepository {

    /**
     * $1 watchlist id, $2 the caller (null: any list, for admins). A user sees their own lists and the active
     * system default lists; entries in display order (a list without entries gives one row with null entry columns).
     */
    static final String LIST_WITH_ENTRIES = """
            SELECT w.id, w.name, w.description, w.user_id, w.watchlist_type, w.is_active, w.is_public, w.max_assets,
                   w.sort_order, w.version, w.created_at, w.updated_at,
                   a.id AS entry_id, a.crypto_id, a.position_type, a.position, a.notes, a.is_active AS entry_active,
                   a.added_by, a.last_modified_by, a.created_at AS entry_created_at, a.updated_at AS entry_updated_at
            FROM watchlists w
            LEFT JOIN watchlist_assets a ON a.watchlist_id = w.id
            WHERE w.id = $1
              AND ($2::int8 IS NULL OR w.user_id = $2 OR (w.watchlist_type = 'default' AND w.is_active))
            ORDER BY a.position, a.id""";

    /** The list's own columns. */
    public record ListRow(
            long id,
            String name,
            String description,
            Long userId,
            String type,
            boolean active,
            boolean isPublic,
            int maxAssets,
            int sortOrder,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** One entry of the list. */
    public record EntryRow(
            long id,
            long cryptoId,
            String positionType,
            int position,
            String notes,
            boolean active,
            Long addedBy,
            Long lastModifiedBy,
            Instant createdAt,
            Instant updatedAt) {}

    /** A list and its entries in display order. */
    public record ListWithEntries(ListRow list, List<EntryRow> entries) {}

    /** The list {@code id} as {@code viewerId} may see it (null viewer: any list), or null. */
    public Uni<ListWithEntries> listWithEntries(SqlClient client, long id, Long viewerId) {
        return client.preparedQuery(LIST_WITH_ENTRIES)
                .execute(Tuple.of(id, viewerId))
                .map(rows -> {
                    ListRow list = null;
                    List<EntryRow> entries = new ArrayList<>();
                    for (Row r : rows) {
                        if (list == null) {
                            list = new ListRow(
                                    r.getLong("id"),
                                    r.getString("name"),
                                    r.getString("description"),
                                    r.getLong("user_id"),
                                    r.getString("watchlist_type"),
                                    r.getBoolean("is_active"),
                                    r.getBoolean("is_public"),
                                    r.getInteger("max_assets"),
                                    r.getInteger("sort_order"),
                                    r.getLong("version"),
                                    instant(r, "created_at"),
                                    instant(r, "updated_at"));
                        }
                        if (r.getLong("entry_id") != null) {
                            entries.add(new EntryRow(
                                    r.getLong("entry_id"),
                                    r.getLong("crypto_id"),
                                    r.getString("position_type"),
                                    r.getInteger("position"),
                                    r.getString("notes"),
                                    r.getBoolean("entry_active"),
                                    r.getLong("added_by"),
                                    r.getLong("last_modified_by"),
                                    instant(r, "entry_created_at"),
                                    instant(r, "entry_updated_at")));
                        }
                    }
                    return list == null ? null : new ListWithEntries(list, entries);
                });
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
