package org.coinpilot.ops.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code health} command: one HTTP GET of the readiness endpoint with the JDK's plain
 * {@link HttpURLConnection} (few classes, no framework), so that a container HEALTHCHECK costs as little as
 * the JVM allows. UP means status 200 and a body whose overall status is {@code UP}.
 */
final class HealthProbe {

    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 5_000;

    private HealthProbe() {}

    static int run(String[] args, PrintStream out) {
        String url = defaultUrl();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("--url=")) {
                url = args[i].substring("--url=".length());
            } else {
                out.println("usage: coinpilot health [--url URL]");
                return CoinpilotMain.EXIT_USAGE;
            }
        }
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            String body;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            boolean up = status == 200 && isUp(body);
            out.println((up ? "UP" : "DOWN") + " " + url + " (HTTP " + status + ")");
            return up ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println("DOWN " + url + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    /** True when the overall {@code "status"} of a MicroProfile Health document is UP. */
    static boolean isUp(String body) {
        // the overall status is the first "status" key of the document
        int key = body.indexOf("\"status\"");
        if (key < 0) {
            return false;
        }
        int colon = body.indexOf(':', key);
        int open = body.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : body.indexOf('"', open + 1);
        return colon > 0 && close > open && body.substring(open + 1, close).equals("UP");
    }

    /**
     * {@code $COINPILOT_HEALTH_URL}, or the readiness endpoint on the management port of the packaged application
     * ({@code $QUARKUS_MANAGEMENT_PORT}, default 9000): health, metrics and the API description are not served on the
     * API port there.
     */
    static String defaultUrl() {
        String configured = System.getenv("COINPILOT_HEALTH_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String port = System.getenv("QUARKUS_MANAGEMENT_PORT");
        return "http://localhost:" + (port == null || port.isBlank() ? "9000" : port) + "/q/health/ready";
    }
}
