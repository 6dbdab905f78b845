package org.coinpilot.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code health} probe ({@link HealthProbe}, also what the container's {@link HealthCheck} runs) against a small
 * HTTP server of the JDK: its plain-socket GET must read what a real server sends (a fixed length, chunks) and decide
 * UP and DOWN exactly as before.
 */
class HealthProbeTest {

    private HttpServer server;
    private final AtomicReference<String> requested = new AtomicReference<>();
    private final AtomicReference<String> hostHeader = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldExitZeroWhenTheEndpointAnswersUp() throws IOException {
        String url = serve(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"}]}", false);

        Result result = probe("--url", url + "?probe=1");

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).startsWith("UP " + url + "?probe=1 (HTTP 200)");
        assertThat(requested.get()).isEqualTo("/q/health/ready?probe=1");
        assertThat(hostHeader.get())
                .isEqualTo("127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void shouldReadAChunkedAnswerWhenTheServerSendsNoLength() throws IOException {
        String url = serve(200, "{\n  \"status\": \"UP\",\n  \"checks\": []\n}", true);

        Result result = probe("--url=" + url);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).startsWith("UP ");
    }

    @Test
    void shouldExitOneWhenTheEndpointAnswersDown() throws IOException {
        String url = serve(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"}]}", false);

        Result result = probe("--url", url);

        assertThat(result.exit).as(result.output).isEqualTo(1);
        assertThat(result.output).startsWith("DOWN " + url + " (HTTP 503)");
    }

    @Test
    void shouldExitOneWhenAnOkAnswerIsNotUp() throws IOException {
        String url = serve(200, "{\"status\":\"DOWN\"}", true);

        assertThat(probe("--url", url).exit).isEqualTo(1);
    }

    @Test
    void shouldExitOneWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = probe("--url", "http://127.0.0.1:" + closedPort + "/q/health/ready");

        assertThat(result.exit).as(result.output).isEqualTo(1);
        assertThat(result.output).startsWith("DOWN http://127.0.0.1:" + closedPort + "/q/health/ready (");
    }

    @Test
    void shouldPrintTheUsageWhenTheArgumentsAreUnknown() {
        Result result = probe("--verbose");

        assertThat(result.exit).isEqualTo(CoinpilotMain.EXIT_USAGE);
        assertThat(result.output).startsWith("usage: coinpilot health");
    }

    @Test
    void shouldDecodeChunksWithExtensionsAndIgnoreTrailersWhenReadingAResponse() throws IOException {
        String raw = "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\nX-Other:  x \r\n\r\n"
                + "5;name=value\r\n{\"sta\r\n"
                + "a\r\ntus\":\"UP\"}\r\n"
                + "0\r\nTrailer: t\r\n\r\n";

        HealthProbe.Response response =
                HealthProbe.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(response.status).isEqualTo(200);
        assertThat(response.body).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void shouldRefuseWhatIsNotAnHttpResponseWhenReading() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HealthProbe.read(
                        new ByteArrayInputStream("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(IOException.class);
    }

    /** Starts a server whose /q/health/ready answers {@code status} with {@code body}; returns that URL. */
    private String serve(int status, String body, boolean chunked) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            requested.set(exchange.getRequestURI().toString());
            hostHeader.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/q/health/ready";
    }

    private static Result probe(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = HealthProbe.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
