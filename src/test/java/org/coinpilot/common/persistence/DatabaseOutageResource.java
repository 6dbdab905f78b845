package org.coinpilot.common.persistence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import org.coinpilot.common.test.EmbeddedPostgresResource;
import org.coinpilot.common.test.TcpProxy;

/**
 * A database of its own for {@link DatabaseOutageTest}, reached by the reactive pool through a {@link TcpProxy} the
 * test cuts and restores (Flyway migrates it directly). The {@code %test.} keys win over the plain ones the module's
 * {@link EmbeddedPostgresResource} gives every test.
 */
public class DatabaseOutageResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> database = new EmbeddedPostgresResource().start();
        URI direct = URI.create(database.get("quarkus.datasource.reactive.url"));
        proxy = new TcpProxy(direct.getHost(), direct.getPort());
        return Map.of(
                "%test.quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + proxy.port() + direct.getPath(),
                "%test.quarkus.datasource.jdbc.url",
                database.get("quarkus.datasource.jdbc.url"),
                "%test.quarkus.datasource.username",
                database.get("quarkus.datasource.username"),
                "%test.quarkus.datasource.password",
                database.get("quarkus.datasource.password"));
    }

    static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (java.io.IOException e) {
            // the test JVM goes on; the proxy threads are daemons
        }
    }
}
