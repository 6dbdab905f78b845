package org.coinpilot.notification.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PfxOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTPS webhook receiver (Vert.x HttpServer, self-signed certificate of {@link ReceiverCertificate}) that
 * records every request per path and answers with scripted statuses (200 when nothing is scripted).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One received request. */
    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws Exception {
        ReceiverCertificate.ensure();
        server = vertx.createHttpServer(new HttpServerOptions()
                .setSsl(true)
                .setKeyCertOptions(new PfxOptions()
                        .setPath(ReceiverCertificate.KEY_STORE.toString())
                        .setPassword(ReceiverCertificate.PASSWORD)));
        server.requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
            String path = request.path();
            received.add(new Received(path, headers, body.toString()));
            int status = next(path);
            request.response().setStatusCode(status).end("{\"status\":" + status + "}");
        }));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private synchronized int next(String path) {
        Deque<Integer> script = scripts.get(path);
        if (script != null && !script.isEmpty()) {
            return script.poll();
        }
        return always.getOrDefault(path, 200);
    }

    /** The URL of {@code path} on this receiver. */
    String url(String path) {
        return "https://localhost:" + server.actualPort() + path;
    }

    int port() {
        return server.actualPort();
    }

    /** Answers the next requests to {@code path} with these statuses, then 200. */
    synchronized void script(String path, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    /** Answers every request to {@code path} with {@code status}. */
    void always(String path, int status) {
        always.put(path, status);
    }

    List<Received> received(String path) {
        List<Received> list = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                list.add(r);
            }
        }
        return list;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
