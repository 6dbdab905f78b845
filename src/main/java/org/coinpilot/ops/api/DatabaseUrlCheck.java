package org.coinpilot.ops.api;

import java.util.List;

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
    static boolean satisfied(PrestartConfig config) {
        if (launchedByDevMode() || !config.profile().equals("prod")) {
            return true; // quarkus:dev also calls main(); its default profile is dev
        }
        return KEYS.stream().anyMatch(key -> config.get(key).isPresent());
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
}
