package org.coinpilot.common.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the packaged application (prod profile) needs besides its database when {@code *IT} tests start it: the test
 * token keys as files (the prod profile refuses to serve without usable keys) and a free management port (the
 * packaged application serves /q/* there). The {@code @QuarkusTest} runs read their keys from the {@code %test}
 * settings and have no management interface, so this changes nothing for them.
 */
public class PackagedRuntimeResource implements QuarkusTestResourceLifecycleManager {

    public static final Path PUBLIC_KEY =
            Path.of("src/test/resources/keys/test-public.pem").toAbsolutePath();
    public static final Path PRIVATE_KEY =
            Path.of("src/test/resources/keys/test-private.pem").toAbsolutePath();

    private static volatile int managementPort;

    @Override
    public Map<String, String> start() {
        managementPort = freePort();
        return Map.of(
                "mp.jwt.verify.publickey.location", PUBLIC_KEY.toString(),
                "smallrye.jwt.sign.key.location", PRIVATE_KEY.toString(),
                "quarkus.management.port", Integer.toString(managementPort),
                "quarkus.management.test-port", Integer.toString(managementPort));
    }

    /** The management port of the packaged application the newest IT started. */
    public static int managementPort() {
        return managementPort;
    }

    @Override
    public void stop() {}

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
