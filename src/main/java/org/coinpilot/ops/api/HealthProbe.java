package org.coinpilot.ops.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code health} command: one HTTP GET of the readiness endpoint, so that a container HEALTHCHECK costs as little as
 * the JVM allows. UP means status 200 and a body whose overall status is {@code UP}.
 *
 * <p>An {@code http:} URL (the management port, always plain HTTP inside the pod) is fetched over a bare {@link Socket}:
 * one HTTP/1.1 request with {@code Connection: close}, the answer read by its {@code Content-Length} or its chunks. That
 * loads far fewer JDK classes than {@link HttpURLConnection} (proxy selection, keep-alive cache, protocol handlers,
 * header parsing): the probe is JVM start-up, and this is the part of it that the code decides. Other schemes ({@code https:}) use {@link HttpURLConnection}. The code on this path
 * also avoids string concatenation with {@code +} and lambdas, whose first use bootstraps {@code invokedynamic}.
 */
final class HealthProbe {

    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 5_000;
    static final int MAX_BODY = 64 * 1024;
    private static final int MAX_LINE = 8 * 1024;

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
            Response response = get(URI.create(url));
            boolean up = response.status == 200 && isUp(response.body);
            out.println(new StringBuilder(up ? "UP " : "DOWN ")
                    .append(url)
                    .append(" (HTTP ")
                    .append(response.status)
                    .append(')')
                    .toString());
            return up ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            out.println(new StringBuilder("DOWN ")
                    .append(url)
                    .append(" (")
                    .append(e.getMessage())
                    .append(')')
                    .toString());
            return 1;
        }
    }

    /** The status and (at most {@link #MAX_BODY} bytes of) the body of a GET. */
    static final class Response {
        final int status;
        final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    static Response get(URI uri) throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            return getWithUrlConnection(uri);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException(
                    new StringBuilder("no host in ").append(uri).toString());
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        StringBuilder request = new StringBuilder("GET ")
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            request.append('?').append(uri.getRawQuery());
        }
        request.append(" HTTP/1.1\r\nHost: ").append(host);
        if (uri.getPort() >= 0) {
            request.append(':').append(port);
        }
        request.append("\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream requestStream = socket.getOutputStream();
            requestStream.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            requestStream.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** Reads one HTTP/1.1 response: status line, headers, then the body by its length, its chunks, or to the end. */
    static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/") || statusLine.indexOf(' ') < 0) {
            throw new IOException("no HTTP response");
        }
        int from = statusLine.indexOf(' ') + 1;
        int to = statusLine.indexOf(' ', from);
        int status = Integer.parseInt(to < 0 ? statusLine.substring(from) : statusLine.substring(from, to));
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.regionMatches(true, value.length() - "chunked".length(), "chunked", 0, 7);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (String size = line(in); size != null && body.size() < MAX_BODY; size = line(in)) {
                int extension = size.indexOf(';');
                int bytes = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (bytes == 0) {
                    break;
                }
                body.write(in.readNBytes(Math.min(bytes, MAX_BODY - body.size())));
                line(in); // the CRLF that ends the chunk
            }
        } else {
            body.write(in.readNBytes((int) (length < 0 ? MAX_BODY : Math.min(length, MAX_BODY))));
        }
        return new Response(status, new String(body.toByteArray(), StandardCharsets.UTF_8));
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, without its terminator; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("HTTP header line too long");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Response getWithUrlConnection(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        connection.setRequestProperty("Accept", "application/json");
        int status = connection.getResponseCode();
        String body;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            body = in == null ? "" : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
        return new Response(status, body);
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
        return new StringBuilder("http://localhost:")
                .append(port == null || port.isBlank() ? "9000" : port)
                .append("/q/health/ready")
                .toString();
    }
}
