package org.coinpilot.common.persistence;

import io.vertx.core.json.JsonArray;
import jakarta.persistence.AttributeConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a {@code jsonb} column that holds a JSON array of strings to {@code List<String>}.
 *
 * <p>Hibernate Reactive cannot bind a JSON <em>array</em> through {@code @JdbcTypeCode(SqlTypes.JSON)} (it
 * parses the value as a Vert.x {@code JsonObject}, hibernate/hibernate-reactive#4156), and
 * {@code SqlTypes.JSON_ARRAY} binds a JDBC {@code PGobject} the reactive client rejects. Handing the Vert.x PG
 * client a {@link JsonArray} (with {@code @JdbcTypeCode(SqlTypes.OTHER)} on the field) writes and reads a real
 * JSON array.
 */
public class StringListJsonConverter implements AttributeConverter<List<String>, JsonArray> {

    @Override
    public JsonArray convertToDatabaseColumn(List<String> values) {
        return values == null ? null : new JsonArray(new ArrayList<>(values));
    }

    @Override
    public List<String> convertToEntityAttribute(JsonArray column) {
        if (column == null) {
            return null;
        }
        List<String> values = new ArrayList<>(column.size());
        for (int i = 0; i < column.size(); i++) {
            values.add(column.getString(i));
        }
        return values;
    }
}
