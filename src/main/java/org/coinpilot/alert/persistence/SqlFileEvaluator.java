package org.coinpilot.alert.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.coinpilot.alert.domain.AlertType;

/** An evaluator whose statement is the classpath resource {@code alert/sql/<type>.sql}. */
abstract class SqlFileEvaluator implements AlertEvaluator {

    /** Where the statements live (also for psql and the benchmark). */
    static final String LOCATION = "alert/sql/";

    private final AlertType type;
    private final String sql;

    SqlFileEvaluator(AlertType type) {
        this.type = type;
        this.sql = load(LOCATION + type.name().toLowerCase(Locale.ROOT) + ".sql");
    }

    @Override
    public AlertType type() {
        return type;
    }

    @Override
    public String sql() {
        return sql;
    }

    static String load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SqlFileEvaluator.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing alert evaluation statement " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
