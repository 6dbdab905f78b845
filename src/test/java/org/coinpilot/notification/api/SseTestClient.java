package org.coinpilot.notification.api;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real HTTP client of an SSE stream (java.net.http): reads the response line by line on a daemon thread and
 * parses events (id, event, data) and comments; every wait has a timeout.
 */
final class SseTestClient implements AutoCloseable {

    /** One parsed event: a comment has only {@code comment}. */
    record Event(String id, String name, String data, String comment) {
        JsonObject json() {
            return new JsonObject(data);
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final int status;
    final String contentType;
    final java.net.http.HttpHeaders headers;
    final String body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;

    private SseTestClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.headers = response.headers();
        this.lines = response.body();
        if (status != 200) {
            this.body = String.join("\n", lines.toList());
            return;
        }
        this.body = null;
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with the bearer token and optional Last-Event-ID; waits at most 10 s for the headers. */
    static SseTestClient open(URI uri, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseTestClient(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS));
    }

    private void read() {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || name != null) {
                        events.add(new Event(id, name, String.join("\n", data), null));
                    }
                    id = null;
                    name = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
        events.add(new Event(null, null, null, "<end of stream>"));
    }

    /** The next event or comment, or null after {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the comment {@code text}; fails after {@code timeout}. */
    void awaitComment(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && text.equals(event.comment())) {
                return;
            }
        }
        throw new AssertionError("no ': " + text + "' comment within " + timeout);
    }

    /** The next notification event (comments skipped), or null after {@code timeout}. */
    Event nextNotification(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && event.comment() == null) {
                return event;
            }
            if (event != null && "<end of stream>".equals(event.comment())) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        lines.close();
    }
}
