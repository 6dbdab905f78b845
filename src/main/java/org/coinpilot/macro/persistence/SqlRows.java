package org.coinpilot.macro.persistence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.macro.domain.SeriesDay.Upserted;

/** Small helpers shared by macro's SQL repositories. */
public final class SqlRows {

    private SqlRows() {}

    /** Rows returned by an upsert's {@code RETURNING (xmax = 0) AS inserted}. */
    static Upserted upserted(RowSet<Row> rows) {
        long inserted = 0;
        long updated = 0;
        for (Row row : rows) {
            if (row.getBoolean("inserted")) {
                inserted++;
            } else {
                updated++;
            }
        }
        return new Upserted(inserted, updated);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate day(Row row, String column) {
        return row.getLocalDate(column);
    }

    /** A jsonb column as plain maps and lists (null stays null). */
    static Map<String, Object> json(Row row, String column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject object ? map(object) : null;
    }

    static Map<String, Object> map(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object) {
            map.put(entry.getKey(), plain(entry.getValue()));
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            return map(object);
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) m;
            return map(new JsonObject(cast));
        }
        return value;
    }

    /** Map → JSON text for a {@code $n::jsonb} parameter (null stays null). */
    static String text(Map<String, Object> json) {
        return json == null ? null : new JsonObject(json).encode();
    }

    /** The page bounds of a series read, see {@link #forward} and {@link #newest}. */
    public record Bounds(LocalDate from, LocalDate to, LocalDate afterDay, Long afterId, int limit) {}

    /**
     * Forward page: rows with {@code from <= day < to} after the cursor {@code (afterDay, afterId)}, oldest first.
     * {@code where} adds the series' own filter ({@code $6}, {@code $7} …).
     */
    static String forward(String columns, String table, String where) {
        return "SELECT " + columns + " FROM " + table
                + " WHERE observed_on IS NOT NULL" + where
                + " AND ($1::date IS NULL OR observed_on >= $1) AND ($2::date IS NULL OR observed_on < $2)"
                + " AND ($3::date IS NULL OR (observed_on, id) > ($3, $4::int8))"
                + " ORDER BY observed_on, id LIMIT $5";
    }

    /** The newest {@code limit} rows before {@code to}, newest first. */
    static String newest(String columns, String table, String where) {
        return "SELECT " + columns + " FROM " + table
                + " WHERE observed_on IS NOT NULL" + where
                + " AND ($1::date IS NULL OR observed_on >= $1) AND ($2::date IS NULL OR observed_on < $2)"
                + " AND ($3::date IS NULL OR (observed_on, id) > ($3, $4::int8))"
                + " ORDER BY observed_on DESC, id DESC LIMIT $5";
    }
}
