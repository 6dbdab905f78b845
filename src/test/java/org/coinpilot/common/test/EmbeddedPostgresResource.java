package org.coinpilot.common.test;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * Gives every test run its own PostgreSQL database, never one shared with dev.
 *
 * <p>By default an embedded PostgreSQL 17 (zonky) is started once per JVM in a temporary directory and
 * removed when the JVM exits. When {@code COINPILOT_TEST_DB_URL} is set (a JDBC URL of a server plus
 * {@code COINPILOT_TEST_DB_USER}/{@code COINPILOT_TEST_DB_PASSWORD} of a role that may create databases),
 * that server is used instead. Either way each Quarkus start (one per test profile) gets a freshly
 * created database, which Flyway migrates: the application at start in {@code @QuarkusTest}s, and this resource
 * before the packaged application starts in {@code @QuarkusIntegrationTest}s (it runs in the prod profile, which does
 * not migrate at start: in production {@code migrate} does, as an init step).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres embedded;
    private static volatile Map<String, String> lastStarted = Map.of();
    private boolean integrationTest;

    /** Called only for {@code @QuarkusIntegrationTest}s. */
    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        integrationTest = true;
    }

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> datasource = createDatabase();
        if (integrationTest) {
            // what the operator's `migrate` init step does before the service starts
            Flyway.configure()
                    .dataSource(
                            datasource.get("quarkus.datasource.jdbc.url"),
                            datasource.get("quarkus.datasource.username"),
                            datasource.get("quarkus.datasource.password"))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        lastStarted = datasource;
        return lastStarted;
    }

    /** A new, empty database on the test server (not migrated), as datasource settings. */
    public static synchronized Map<String, String> createDatabase() {
        Server server = server();
        String database = "coinpilot_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), server.user, server.password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url",
                server.reactiveUrl(database),
                "quarkus.datasource.jdbc.url",
                server.jdbcUrl(database),
                "quarkus.datasource.username",
                server.user,
                "quarkus.datasource.password",
                server.password);
    }

    /** The datasource settings of the newest test database, e.g. to start the packaged CLI against it. */
    public static Map<String, String> datasource() {
        return lastStarted;
    }

    @Override
    public void stop() {
        // the embedded server lives for the whole JVM (several Quarkus starts share it); see server()
    }

    private static Server server() {
        String url = System.getenv("COINPILOT_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
            return new Server(
                    uri.getHost(),
                    uri.getPort() < 0 ? 5432 : uri.getPort(),
                    envOr("COINPILOT_TEST_DB_USER", "postgres"),
                    envOr("COINPILOT_TEST_DB_PASSWORD", "postgres"));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("timezone", "UTC")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresResource::closeEmbedded));
        }
        return new Server("localhost", embedded.getPort(), "postgres", "postgres");
    }

    private static void closeEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is exiting; the temporary directory is removed by zonky where possible
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String host, int port, String user, String password) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }
}
