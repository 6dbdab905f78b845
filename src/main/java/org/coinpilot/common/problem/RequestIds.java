package org.coinpilot.common.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id of every HTTP request (docs/operations.md, "Logs"): the caller's {@code X-Request-Id} when it is
 * sane (8–64 characters of {@code [A-Za-z0-9._-]}), otherwise a new random one (128 bits, hex). It is answered in the
 * {@code X-Request-Id} response header, put in the logging MDC as {@value #MDC_KEY} (so every log line written while
 * the request is handled carries it: the Vert.x duplicated context of the request holds the MDC), and quoted by every
 * problem body ({@link ProblemMappers}). An oversized or garbage header is replaced, never echoed: it would otherwise
 * be a way to write arbitrary text into the logs.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Before Quarkus' own header filters and every route. */
    static final int PRIORITY = 10_000;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    String id = accept(context.request().getHeader(HEADER));
                    context.response().putHeader(HEADER, id);
                    MDC.put(MDC_KEY, id);
                    context.next();
                },
                PRIORITY);
    }

    /** {@code given} when it is a sane request id, otherwise a new one. */
    public static String accept(String given) {
        return given != null && SANE.matcher(given).matches() ? given : generate();
    }

    /** The id assigned to {@code request} (its response header), or a new one when none was assigned. */
    public static String of(HttpServerRequest request) {
        String assigned = request.response().headers().get(HEADER);
        return assigned != null ? assigned : accept(request.getHeader(HEADER));
    }

    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
