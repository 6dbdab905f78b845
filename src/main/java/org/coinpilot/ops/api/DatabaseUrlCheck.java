package org.coinpilot.ops.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Before the framework starts in the prod profile, makes sure a database URL is configured somewhere
 * Quarkus will read it (environment, system properties, {@code .env}, {@code config/application.properties},
 * the packaged {@code application.properties}); otherwise prints one clear message instead of a framework
 * stack trace. Other profiles (dev, demo, test) start an embedded database or are given one.
 */
final class DatabaseUrlCheck {

    static final int EXIT_CONFIG = 78;
    static final List<String> KEYS = List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url");

    static final String MESSAGE = """
            coinpilot: no database is configured, and the prod profile never starts one of its own.
              Set the PostgreSQL 15+ connection, e.g.:
                QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://db.example:5432/coinpilot
                QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example:5432/coinpilot
                QUARKUS_DATASOURCE_USERNAME=coinpilot
                QUARKUS_DATASOURCE_PASSWORD=...
              or try it with an embedded database: java -Dquarkus.profile=demo -jar quarkus-run.jar""";

    private DatabaseUrlCheck() {}

    /** True when the app may start: not the prod profile, or a URL is configured. */
    static boolean satisfied(Map<String, String> env, Properties system, Path workingDir) {
        if (launchedByDevMode()) {
            return true; // quarkus:dev also calls main(); its default profile is dev
        }
        String profile = system.getProperty("quarkus.profile", env.getOrDefault("QUARKUS_PROFILE", "prod"));
        if (!profile.equals("prod")) {
            return true;
        }
        for (String key : KEYS) {
            String envName =
                    key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            if (present(env.get(envName)) || present(system.getProperty(key))) {
                return true;
            }
        }
        return anyKey(load(workingDir.resolve(".env")), true)
                || anyKey(load(workingDir.resolve("config/application.properties")), false)
                || anyKey(loadClasspath(), false);
    }

    /**
     * Dev mode loads the application with Quarkus's dev class loader; the packaged jar uses the runner class
     * loader and a native image the system one. (The launch mode itself is only set after main() runs.)
     */
    static boolean launchedByDevMode() {
        ClassLoader loader = DatabaseUrlCheck.class.getClassLoader();
        return loader != null
                && loader.getClass().getName().equals("io.quarkus.bootstrap.classloading.QuarkusClassLoader");
    }

    private static boolean anyKey(Properties properties, boolean envStyle) {
        for (String key : KEYS) {
            String name = envStyle ? key.toUpperCase(java.util.Locale.ROOT).replace('.', '_') : key;
            if (present(properties.getProperty(name)) || present(properties.getProperty("%prod." + key))) {
                return true;
            }
        }
        return false;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                // unreadable: Quarkus will report it
            }
        }
        return properties;
    }

    private static Properties loadClasspath() {
        Properties properties = new Properties();
        try (InputStream in = DatabaseUrlCheck.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // unreadable: Quarkus will report it
        }
        return properties;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
