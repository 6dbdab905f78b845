package org.coinpilot.ops.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.coinpilot.ops.service.RequestStatsService;

/**
 * Counts every API request when its response ends ({@link RequestStatsService}): route TEMPLATE (the one the REST
 * layer matched, as Micrometer names it, e.g. {@code /api/v1/assets/{symbol}}; {@code NOT_FOUND} for an unrouted 404
 * and {@code /UNMATCHED} for any other unrouted request, so random paths never make rows), method, status and the time
 * from the request's arrival to the end of its response. The management paths ({@code /q/...}) are not counted.
 */
@ApplicationScoped
public class RequestRecording {

    /** The context key the REST layer stores the matched route template under (read by Micrometer too). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RequestStatsService stats;

    public RequestRecording(RequestStatsService stats) {
        this.stats = stats;
    }

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    String path = context.request().path();
                    if (path == null || path.startsWith("/q/")) {
                        context.next();
                        return;
                    }
                    long started = System.nanoTime();
                    String method = context.request().method().name();
                    context.addEndHandler(ignored -> {
                        int status = context.response().getStatusCode();
                        stats.record(route(context.request(), status), method, status, System.nanoTime() - started);
                    });
                    context.next();
                },
                9_000);
    }

    static String route(io.vertx.core.http.HttpServerRequest request, int status) {
        Object template = null;
        if (request instanceof HttpServerRequestInternal internal && internal.context() != null) {
            template = internal.context().getLocal(URL_PATH_TEMPLATE);
        }
        if (template == null) {
            return status == 404 ? "NOT_FOUND" : "/UNMATCHED";
        }
        String route = template.toString();
        route = route.startsWith("/") ? route : "/" + route;
        return route.length() <= 200 ? route : route.substring(0, 200);
    }
}
