package org.coinpilot.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.coinpilot.common.persistence.DatabaseOutage;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place where exceptions become RFC 9457 problem responses. Nothing internal (class names, SQL,
 * stack traces) ever reaches a body: 4xx are logged at DEBUG, 5xx at ERROR with the trace id. Every 503 carries
 * {@code Retry-After}. A failure because the database cannot be reached is a 503 {@code SERVICE_UNAVAILABLE} that is
 * only counted: {@link DatabaseOutage} logs the outage once when it starts and once when it ends.
 */
public class ProblemMappers {

    private final ProblemConfig config;
    private final DatabaseOutage outage;

    @jakarta.inject.Inject
    public ProblemMappers(ProblemConfig config, DatabaseOutage outage) {
        this.config = config;
        this.outage = outage;
    }

    /** For other mappers that build a problem through {@link #domain} (e.g. identity's 429): no outage counting. */
    public ProblemMappers(ProblemConfig config) {
        this(config, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException e, HttpServerRequest request) {
        return respond(e.type(), e.code(), e.getMessage(), e.violations(), request, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(
            ConstraintViolationException e, HttpServerRequest request, SimpleResourceInfo resource) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> toViolation(v, resource))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return respond(ProblemType.VALIDATION, null, "The request has invalid fields.", violations, request, e);
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class,
        InvalidDefinitionException.class
    })
    public RestResponse<Problem> json(JsonProcessingException e, HttpServerRequest request) {
        JsonInputException refused = find(e, JsonInputException.class);
        if (refused != null) {
            return respond(
                    ProblemType.VALIDATION,
                    null,
                    "The request has invalid fields.",
                    List.of(refused.violation()),
                    request,
                    e);
        }
        if (e instanceof InvalidDefinitionException definition && !(definition.getProcessor() instanceof JsonParser)) {
            // not raised while reading a body: a type Jackson cannot handle is a bug of ours, not of the request
            return any(e, request);
        }
        if (isSyntaxError(e)) {
            return respond(ProblemType.MALFORMED, null, "The request body is not valid JSON.", null, request, e);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = jsonMessage(mapping);
            return respond(
                    ProblemType.VALIDATION,
                    null,
                    "The request has invalid fields.",
                    List.of(new Problem.Violation(field, "body", message)),
                    request,
                    e);
        }
        return respond(
                ProblemType.MALFORMED, null, "The request body does not have the expected shape.", null, request, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        // the session check of an authenticated request could not reach the database: not the caller's fault
        if (unreachable(e)) {
            return databaseUnreachable(request);
        }
        return unauthorized(request, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(ProblemType.FORBIDDEN, null, "You are not allowed to perform this operation.", null, request, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameterException e, HttpServerRequest request) {
        return respond(
                ProblemType.VALIDATION, null, "The request has invalid fields.", List.of(e.violation()), request, e);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // the framework wraps body-reading errors in a 400
            return json(json, request);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 400 -> "The request could not be read: check the parameters and the body.";
            case 404 -> "No resource exists at this path.";
            case 405 -> "This path does not support the " + request.method() + " method.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body must be application/json.";
            default -> type.title() + ".";
        };
        RestResponse<Problem> response = respond(type, null, detail, null, request, e);
        if (status != type.status()) {
            return RestResponse.ResponseBuilder.<Problem>create(status)
                    .entity(response.getEntity())
                    .type(Problem.MEDIA_TYPE)
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return respond(
                ProblemType.CONFLICT,
                "STALE_VERSION",
                "The resource was changed by another request; reload it and try again.",
                null,
                request,
                e);
    }

    /** Everything else: an unreachable database, constraint violations, timeouts, and finally a 500 without internals. */
    @ServerExceptionMapper
    public RestResponse<Problem> any(Throwable e, HttpServerRequest request) {
        if (unreachable(e)) {
            return databaseUnreachable(request);
        }
        ProblemFailure failure = ProblemFailure.classify(e);
        if (failure != null) {
            return respond(failure.type(), failure.code(), failure.detail(), null, request, e);
        }
        return respond(
                ProblemType.INTERNAL,
                null,
                "An unexpected error occurred; quote the trace id when reporting it.",
                null,
                request,
                e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A body that is not JSON at all (also when databind wrapped the parser's error with a field path). */
    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException || t instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
                return true;
            }
            if (t instanceof MismatchedInputException mismatched
                    && mismatched.getMessage() != null
                    && mismatched.getMessage().startsWith("No content to map")) {
                return true;
            }
        }
        return false;
    }

    private RestResponse<Problem> unauthorized(HttpServerRequest request, Throwable e) {
        RestResponse<Problem> base =
                respond(ProblemType.UNAUTHORIZED, null, "A valid bearer access token is required.", null, request, e);
        return RestResponse.ResponseBuilder.fromResponse(base)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private boolean unreachable(Throwable e) {
        return outage != null && outage.record(e, DatabaseOutage.Failure.REQUEST);
    }

    /** A 503 while the database cannot be reached: counted by {@link DatabaseOutage}, logged at DEBUG only. */
    private RestResponse<Problem> databaseUnreachable(HttpServerRequest request) {
        return problem(
                ProblemType.UNAVAILABLE,
                null,
                "The service is temporarily unavailable; try again after the Retry-After delay.",
                null,
                request,
                traceId(request),
                false,
                null);
    }

    RestResponse<Problem> respond(
            ProblemType type,
            String code,
            String detail,
            List<Problem.Violation> violations,
            HttpServerRequest request,
            Throwable cause) {
        return problem(type, code, detail, violations, request, traceId(request), type.status() >= 500, cause);
    }

    private RestResponse<Problem> problem(
            ProblemType type,
            String code,
            String detail,
            List<Problem.Violation> violations,
            HttpServerRequest request,
            String traceId,
            boolean logError,
            Throwable cause) {
        if (logError) {
            Log.errorf(cause, "%s %s failed [traceId=%s]", request.method(), request.path(), traceId);
        } else {
            Log.debugf("%s %s -> %d %s [traceId=%s]", request.method(), request.path(), type.status(), detail, traceId);
        }
        nameUnmatched(request, type.status());
        Problem problem = new Problem(
                config.typeBase() + type.slug(),
                type.title(),
                type.status(),
                detail,
                request.path(),
                code == null ? type.code() : code,
                traceId,
                traceId,
                violations == null || violations.isEmpty() ? null : violations);
        RestResponse.ResponseBuilder<Problem> response = RestResponse.ResponseBuilder.<Problem>create(type.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE);
        if (type.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, outage == null ? 5 : outage.retryAfterSeconds());
        }
        return response.build();
    }

    /**
     * Micrometer names a request in {@code http_server_requests} by the route template RESTEasy matched (the
     * {@code UrlPathTemplate} of the request's context), and by its raw path when none matched: an unrouted request
     * that is not a 404 (a 405 on a path of another method, a URI refused before matching) would make one time series
     * per random path, until {@code quarkus.micrometer.binder.http-server.max-uri-tags} is reached and new endpoints
     * are no longer recorded. Such a request is named {@value #UNMATCHED} instead. (An unmatched 404 is named
     * {@code NOT_FOUND} by Micrometer itself.)
     */
    static void nameUnmatched(HttpServerRequest request, int status) {
        if (status != 404 && request instanceof HttpServerRequestInternal internal) {
            io.vertx.core.Context context = internal.context();
            if (context != null && context.getLocal(URL_PATH_TEMPLATE) == null) {
                context.putLocal(URL_PATH_TEMPLATE, UNMATCHED);
            }
        }
    }

    /** The context key Quarkus' REST layer stores the matched template under, read by its Micrometer binder. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /** The {@code uri} tag of requests that matched no route (normalised by Micrometer with a leading slash). */
    public static final String UNMATCHED = "/UNMATCHED";

    /** The request's id ({@link RequestIds}): the same as its {@code X-Request-Id} response header. */
    static String traceId(HttpServerRequest request) {
        return RequestIds.of(request);
    }

    private static Problem.Violation toViolation(ConstraintViolation<?> violation, SimpleResourceInfo resource) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        String in = "body";
        int start = 0;
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
            start = 1;
            if (nodes.size() > 1 && nodes.get(1).getKind() == ElementKind.PARAMETER) {
                Path.ParameterNode parameter = nodes.get(1).as(Path.ParameterNode.class);
                ParameterSource source = ParameterSource.of(resource, parameter.getParameterIndex());
                in = source.in();
                start = 2;
                if (nodes.size() == 2) {
                    // a violation on the parameter itself: name it as the client sent it
                    return new Problem.Violation(source.name(parameter.getName()), in, violation.getMessage());
                }
                if (nodes.size() == 3 && nodes.get(2).getKind() == ElementKind.PROPERTY) {
                    // a member of a @BeanParam: named by its own @QueryParam etc., not by its Java field
                    ParameterSource member = source.member(nodes.get(2).getName());
                    if (member != null) {
                        return new Problem.Violation(
                                member.name(nodes.get(2).getName()), member.in(), violation.getMessage());
                    }
                }
            }
        }
        StringBuilder field = new StringBuilder();
        for (int i = start; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                // an element of a list or map itself (e.g. Map<String, @NotNull Object>): params[x]
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (node.isInIterable() && position != null && field.length() > 0) {
                    field.append('[').append(position).append(']');
                }
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                field.append('[')
                        .append(node.getIndex() == null ? node.getKey() : node.getIndex())
                        .append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        String name = field.length() == 0 ? "request" : field.toString();
        return new Problem.Violation(name, in, violation.getMessage());
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "request" : field.toString();
    }

    private static String jsonMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants())
                        .map(Object::toString)
                        .collect(Collectors.joining(", "));
                return "has an unknown value; allowed: " + allowed;
            }
            return "has a value of the wrong type" + (target == null ? "" : "; expected " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "has a value of the wrong type; expected " + describe(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    /** A client-facing name for a Java type, never a class name. */
    private static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number (decimals as strings)";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 date-time such as 2026-01-31T00:00:00Z";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Where a resource method parameter comes from, read from its JAX-RS annotation. */
    private record ParameterSource(String in, String declaredName, Class<?> beanClass) {

        static ParameterSource of(SimpleResourceInfo resource, int index) {
            if (resource == null || resource.getResourceClass() == null) {
                return new ParameterSource("body", null, null);
            }
            Method method = findMethod(resource);
            if (method == null || index >= method.getParameterCount()) {
                return new ParameterSource("body", null, null);
            }
            for (Annotation annotation : method.getParameterAnnotations()[index]) {
                if (annotation instanceof BeanParam) {
                    return new ParameterSource("query", null, method.getParameterTypes()[index]);
                }
            }
            return of(method.getParameterAnnotations()[index]);
        }

        /** The source a parameter's (or a bean parameter member's) JAX-RS annotation names. */
        private static ParameterSource of(Annotation[] annotations) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return new ParameterSource("query", query.value(), null);
                }
                if (annotation instanceof org.jboss.resteasy.reactive.RestQuery query) {
                    return new ParameterSource("query", query.value(), null);
                }
                if (annotation instanceof PathParam path) {
                    return new ParameterSource("path", path.value(), null);
                }
                if (annotation instanceof org.jboss.resteasy.reactive.RestPath path) {
                    return new ParameterSource("path", path.value(), null);
                }
                if (annotation instanceof HeaderParam header) {
                    return new ParameterSource("header", header.value(), null);
                }
                if (annotation instanceof CookieParam cookie) {
                    return new ParameterSource("cookie", cookie.value(), null);
                }
            }
            return new ParameterSource("body", null, null);
        }

        /** The member {@code property} of this @BeanParam, or null when it is none or carries no JAX-RS name. */
        ParameterSource member(String property) {
            for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
                try {
                    ParameterSource member = of(type.getDeclaredField(property).getAnnotations());
                    return member.declaredName() == null ? null : member;
                } catch (NoSuchFieldException e) {
                    // declared higher up
                }
            }
            return null;
        }

        String name(String parameterName) {
            return declaredName == null || declaredName.isEmpty() ? parameterName : declaredName;
        }

        private static Method findMethod(SimpleResourceInfo resource) {
            Iterator<Method> candidates = Arrays.stream(
                            resource.getResourceClass().getMethods())
                    .filter(m -> m.getName().equals(resource.getMethodName()))
                    .filter(m -> Arrays.equals(m.getParameterTypes(), resource.parameterTypes()))
                    .iterator();
            return candidates.hasNext() ? candidates.next() : null;
        }
    }
}
