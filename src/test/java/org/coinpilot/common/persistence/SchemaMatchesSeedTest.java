package org.coinpilot.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema against the seed ERD: {@code schema/seed-columns.tsv} lists every seed table and column
 * with the seed's type word; each must exist with a compatible PostgreSQL type. Also checks the indexes the
 * seed's queries need (every foreign key indexed, unique candle keys, partial indexes).
 */
@QuarkusTest
class SchemaMatchesSeedTest {

    @Inject
    Pool pool;

    record Column(String dataType, Integer precision, Integer scale) {}

    @Test
    void shouldHaveEverySeedTableAndColumnWithACompatibleTypeWhenMigrated() throws IOException {
        Map<String, Column> actual = new HashMap<>();
        for (Row row : pool.query("SELECT table_name, column_name, data_type, numeric_precision, numeric_scale"
                        + " FROM information_schema.columns WHERE table_schema = 'public'")
                .execute()
                .await()
                .indefinitely()) {
            actual.put(
                    row.getString("table_name") + "." + row.getString("column_name"),
                    new Column(
                            row.getString("data_type"),
                            row.getInteger("numeric_precision"),
                            row.getInteger("numeric_scale")));
        }

        List<String> problems = new ArrayList<>();
        Set<String> seedTables = new TreeSet<>();
        for (String[] line : seedColumns()) {
            String table = line[0];
            String column = line[1];
            String seedType = line[2];
            seedTables.add(table);
            Column found = actual.get(table + "." + column);
            if (found == null) {
                problems.add(table + "." + column + " is missing");
            } else if (!compatible(seedType, found)) {
                problems.add(table + "." + column + ": seed " + seedType + " but " + found);
            }
        }
        assertThat(seedTables).hasSize(29);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldIndexEveryForeignKeyWhenMigrated() {
        List<String> unindexed = new ArrayList<>();
        for (Row row : pool.query("""
                        SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
                        FROM pg_constraint c
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                          AND NOT EXISTS (SELECT 1 FROM pg_index i
                                          WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
                        """).execute().await().indefinitely()) {
            unindexed.add(row.getString("table_name") + "." + row.getString("column_name"));
        }
        assertThat(unindexed).isEmpty();
    }

    @Test
    void shouldHaveTheUniqueCandleKeysAndPartialIndexesWhenMigrated() {
        List<String> definitions = new ArrayList<>();
        for (Row row : pool.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'")
                .execute()
                .await()
                .indefinitely()) {
            definitions.add(row.getString("indexdef"));
        }
        assertThat(definitions)
                .anyMatch(d -> d.startsWith("CREATE UNIQUE INDEX")
                        && d.contains("ON public.price_data ")
                        && d.contains("(crypto_id, timeframe, candle_time)"))
                .anyMatch(d -> d.startsWith("CREATE UNIQUE INDEX")
                        && d.contains("ON public.price_data_archive ")
                        && d.contains("(crypto_id, timeframe, candle_time)"))
                .anyMatch(d -> d.contains("ON public.signal_alerts ") && d.contains("WHERE"))
                .anyMatch(d -> d.contains("ON public.notifications ") && d.contains("WHERE") && d.contains("unread"));
    }

    @Test
    void shouldRejectValuesOutsideTheSeedEnumerationsWhenChecked() {
        assertThat(checkFails("INSERT INTO users (email, password_hash, role) VALUES ('x@y.z', 'h', 'root')"))
                .isTrue();
        assertThat(checkFails("INSERT INTO background_tasks (task_name, task_type, status)"
                        + " VALUES ('t', 'data_sync', 'exploded')"))
                .isTrue();
        assertThat(checkFails("INSERT INTO market_sentiment_data (fear_greed_index) VALUES (101)"))
                .isTrue();
    }

    private boolean checkFails(String sql) {
        try {
            pool.query(sql).execute().await().indefinitely();
            return false;
        } catch (RuntimeException e) {
            return e.getMessage() != null && e.getMessage().contains("violates check constraint");
        }
    }

    /**
     * Seed type word → PostgreSQL types that honour it: ids and int FKs may widen to bigint, timestamps are
     * timestamptz, an explicit numeric(p,s) must match exactly, a bare numeric may have any precision.
     */
    static boolean compatible(String seed, Column column) {
        String type = column.dataType();
        return switch (seed) {
            case "int" -> type.equals("integer") || type.equals("bigint");
            case "varchar" -> type.equals("character varying");
            case "text" -> type.equals("text");
            case "boolean" -> type.equals("boolean");
            case "jsonb" -> type.equals("jsonb");
            case "inet" -> type.equals("inet");
            case "timestamp" -> type.equals("timestamp with time zone");
            case "numeric" -> type.equals("numeric");
            default -> {
                if (!seed.startsWith("numeric(")) {
                    yield false;
                }
                String[] ps =
                        seed.substring("numeric(".length(), seed.length() - 1).split(",");
                yield type.equals("numeric")
                        && column.precision() != null
                        && column.precision() == Integer.parseInt(ps[0].trim())
                        && column.scale() != null
                        && column.scale() == Integer.parseInt(ps[1].trim());
            }
        };
    }

    private static List<String[]> seedColumns() throws IOException {
        try (InputStream in = SchemaMatchesSeedTest.class.getResourceAsStream("/schema/seed-columns.tsv")) {
            assertThat(in).as("schema/seed-columns.tsv").isNotNull();
            List<String[]> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.split("\t"));
                }
            }
            return lines;
        }
    }
}
