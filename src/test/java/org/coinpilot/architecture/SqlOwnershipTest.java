package org.coinpilot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Table ownership holds in SQL too (docs/architecture.md, "Who owns what"): every SQL text of the application — string
 * literals and text blocks of the Java sources, {@code .sql} resources, and the Flyway migrations — names only the
 * database objects (tables, views, functions, types) its feature owns, the ones another feature publishes, or those of
 * {@code common}. Foreign keys ({@code REFERENCES}) may cross features.
 *
 * <p>Who owns what is read from the migrations (the feature in a file's name owns what the file creates) and checked
 * against each feature's {@code package-info.java} ("Owns tables: …", "Publishes: …"). A Java file belongs to the
 * feature of its package; a resource to the feature named by its first folder.
 */
class SqlOwnershipTest {

    static final Path MAIN_JAVA = Path.of("src/main/java/org/coinpilot");
    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path MIGRATIONS = RESOURCES.resolve("db/migration");

    /** Migrations applied before the rule existed, which Flyway forbids editing; each names one crossing. */
    static final Map<String, String> HISTORICAL = Map.of(
            "V053__alert_notification_link.sql:notifications",
            "drops the foreign key notifications.alert_id -> signal_alerts (the link is kept as history); applied"
                    + " under alert's name before table ownership was checked in SQL");

    record Source(String file, String feature, String sql) {}

    @Test
    void shouldNameOnlyOwnedOrPublishedObjectsWhenWritingSql() {
        Catalogue catalogue = Catalogue.read();
        Map<String, Set<String>> violations = new TreeMap<>();
        Set<String> historicalSeen = new TreeSet<>();
        for (Source source : sources()) {
            for (String object :
                    referencedObjects(source.sql(), catalogue.owners().keySet())) {
                String owner = catalogue.owners().get(object);
                if (owner.equals(source.feature())
                        || owner.equals("common")
                        || catalogue.published().getOrDefault(owner, Set.of()).contains(object)) {
                    continue;
                }
                String key = Path.of(source.file()).getFileName() + ":" + object;
                if (HISTORICAL.containsKey(key)) {
                    historicalSeen.add(key);
                    continue;
                }
                violations
                        .computeIfAbsent(source.file(), f -> new TreeSet<>())
                        .add(object + " (" + owner + "'s, used by " + source.feature() + ")");
            }
        }
        assertThat(violations)
                .as("SQL naming another feature's table, view or function that it does not publish")
                .isEmpty();
        assertThat(historicalSeen)
                .as("historical exceptions that still match (remove the ones that do not)")
                .containsExactlyInAnyOrderElementsOf(HISTORICAL.keySet());
    }

    @Test
    void shouldDeclareEveryCreatedTableInItsFeaturePackageInfoWhenCreatingTables() {
        Catalogue catalogue = Catalogue.read();
        Set<String> mismatched = new TreeSet<>();
        catalogue.tables().forEach((table, owner) -> {
            if (!owner.equals("common")
                    && !catalogue.declaredTables().getOrDefault(owner, Set.of()).contains(table)) {
                mismatched.add(table + " created by " + owner + " but not in its package-info 'Owns tables:'");
            }
        });
        catalogue
                .declaredTables()
                .forEach((feature, tables) -> tables.forEach(table -> {
                    if (!feature.equals(catalogue.tables().get(table))) {
                        mismatched.add(table + " listed by " + feature + " but created by "
                                + catalogue.tables().get(table));
                    }
                }));
        catalogue
                .published()
                .forEach((feature, objects) -> objects.forEach(object -> {
                    if (!feature.equals(catalogue.owners().get(object))) {
                        mismatched.add(object + " published by " + feature + " but created by "
                                + catalogue.owners().get(object));
                    }
                }));
        assertThat(mismatched).isEmpty();
    }

    @Test
    void shouldFindCrossingsWhenSqlNamesAnotherFeaturesTable() {
        Set<String> known = Set.of("users", "price_data", "notifications", "notification_enqueue");
        assertThat(referencedObjects("""
                        SELECT u.id FROM users u -- not price_data
                        JOIN "price_data" d ON d.x = 'notifications'
                        WHERE notification_enqueue(ARRAY[1]) > 0 AND d.users = 1""", known))
                .containsExactlyInAnyOrder("users", "price_data", "notification_enqueue");
        assertThat(referencedObjects(
                        "CREATE TABLE t (user_id bigint REFERENCES users (id), c bigint REFERENCES price_data)", known))
                .isEmpty();
        assertThat(sqlLiterals("class A { String a = \"SELECT 1 FROM users\"; String b = \"users\"; "
                        + "String log = \"sent to users\"; // FROM price_data\n String t = \"\"\"\n  SELECT x\n"
                        + "  FROM notifications\"\"\"; char c = '\"'; }"))
                .containsExactly("SELECT 1 FROM users", "SELECT x\nFROM notifications");
    }

    // ------------------------------------------------------------------------------------------------- sources

    static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (Path file : files(MAIN_JAVA, ".java")) {
            String feature = MAIN_JAVA.relativize(file).getName(0).toString();
            String text = text(file);
            for (String literal : sqlLiterals(text)) {
                sources.add(new Source(file.toString(), feature, literal));
            }
        }
        for (Path file : files(RESOURCES, ".sql")) {
            if (file.startsWith(MIGRATIONS)) {
                sources.add(new Source(file.toString(), migrationFeature(file), text(file)));
            } else {
                String folder = RESOURCES.relativize(file).getName(0).toString();
                sources.add(new Source(file.toString(), folder, text(file)));
            }
        }
        return sources;
    }

    static final Pattern SQL_KEYWORD =
            Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|INTO|WITH|ALTER|CREATE|TRUNCATE|RETURNING)\\b");

    /**
     * The string literals and text blocks of a Java source that are SQL: those with an upper-case SQL keyword (the
     * project writes SQL keywords in upper case, and names tables in the statement's text, not in constants).
     */
    static List<String> sqlLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (c == '/' && i + 1 < n && java.charAt(i + 1) == '/') {
                i = java.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '*') {
                i = java.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '\'') {
                i = skipQuoted(java, i, '\'');
            } else if (java.startsWith("\"\"\"", i)) {
                int start = java.indexOf('\n', i) + 1;
                int end = java.indexOf("\"\"\"", start);
                literals.add(stripIndent(java.substring(start, end)));
                i = end + 3;
            } else if (c == '"') {
                int end = skipQuoted(java, i, '"');
                literals.add(java.substring(i + 1, end - 1));
                i = end;
            } else {
                i++;
            }
        }
        return literals.stream().filter(s -> SQL_KEYWORD.matcher(s).find()).toList();
    }

    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static String stripIndent(String block) {
        return block.stripIndent().replace("\\\n", "");
    }

    // ------------------------------------------------------------------------------------------------- parsing

    static final Pattern IDENTIFIER = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)\"?");

    /** The known objects {@code sql} names, outside comments and string literals, except after REFERENCES. */
    static Set<String> referencedObjects(String sql, Set<String> known) {
        String code = withoutCommentsAndLiterals(sql);
        Set<String> found = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        String previous = "";
        while (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            boolean qualifiedColumn = m.start() > 0 && code.charAt(m.start() - 1) == '.';
            if (known.contains(word) && !qualifiedColumn && !previous.equals("references")) {
                found.add(word);
            }
            previous = word;
        }
        return found;
    }

    /** {@code sql} with {@code -- …} and {@code /* … *&#47;} comments and {@code '…'} literals blanked. */
    static String withoutCommentsAndLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.append("''");
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // ----------------------------------------------------------------------------------------------- catalogue

    static final Pattern CREATES = Pattern.compile(
            "\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW|MATERIALIZED\\s+VIEW|FUNCTION|TYPE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "\"?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Owners of every object the migrations create (tables, views, functions, types), the tables alone, what each
     * package-info declares it owns and what it publishes.
     */
    record Catalogue(
            Map<String, String> owners,
            Map<String, String> tables,
            Map<String, Set<String>> declaredTables,
            Map<String, Set<String>> published) {

        static Catalogue read() {
            Map<String, String> owners = new LinkedHashMap<>();
            Map<String, String> tables = new LinkedHashMap<>();
            for (Path migration : files(MIGRATIONS, ".sql")) {
                String feature = migrationFeature(migration);
                Matcher m = CREATES.matcher(withoutCommentsAndLiterals(text(migration)));
                while (m.find()) {
                    String name = m.group(2).toLowerCase(Locale.ROOT);
                    owners.putIfAbsent(name, feature);
                    if (m.group(1).equalsIgnoreCase("TABLE")) {
                        tables.putIfAbsent(name, feature);
                    }
                }
            }
            Map<String, Set<String>> declared = new TreeMap<>();
            Map<String, Set<String>> published = new TreeMap<>();
            for (Path info : files(MAIN_JAVA, "package-info.java")) {
                if (!info.getParent().getParent().equals(MAIN_JAVA)) {
                    continue; // only a feature's own package-info, not its layers'
                }
                String feature = info.getParent().getFileName().toString();
                String javadoc = text(info);
                declared.put(feature, names(javadoc, "Owns tables:", owners.keySet()));
                published.put(feature, names(javadoc, "Publishes:", owners.keySet()));
            }
            return new Catalogue(owners, tables, declared, published);
        }

        /**
         * The known object names in the paragraph of {@code javadoc} that starts with {@code label}, outside
         * parentheses: {@code Publishes: market_assets (view: …), market_candles (view: …).}
         */
        private static Set<String> names(String javadoc, String label, Set<String> known) {
            int start = javadoc.indexOf(label);
            if (start < 0) {
                return Set.of();
            }
            int end = javadoc.length();
            for (String stop : List.of("<p>", "\n *\n", "*/")) {
                int at = javadoc.indexOf(stop, start + label.length());
                end = at < 0 ? end : Math.min(end, at);
            }
            // the names themselves, not the words explaining them in parentheses
            String sentence = javadoc.substring(start + label.length(), end).replaceAll("\\([^)]*\\)", "");
            Set<String> names = new TreeSet<>();
            Matcher m = Pattern.compile("\\b[a-z_][a-z0-9_]*\\b").matcher(sentence);
            while (m.find()) {
                if (known.contains(m.group())) {
                    names.add(m.group());
                }
            }
            return names;
        }
    }

    /** The feature in a migration's name: {@code V053__alert_notification_link.sql} → {@code alert}. */
    static String migrationFeature(Path migration) {
        String name = migration.getFileName().toString();
        String description = name.substring(name.indexOf("__") + 2);
        return description.substring(0, description.indexOf('_'));
    }

    static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
