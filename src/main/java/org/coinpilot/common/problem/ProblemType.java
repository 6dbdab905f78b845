package org.coinpilot.common.problem;

/**
 * The problem types the API answers with: each has a fixed slug (last segment of the type URI), title,
 * status and default machine code. Feature exceptions reuse one of these types and give their own code.
 */
public enum ProblemType {
    VALIDATION(400, "validation-error", "Invalid request", "VALIDATION_FAILED"),
    MALFORMED(400, "malformed-request", "Malformed request", "MALFORMED_REQUEST"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required", "UNAUTHORIZED"),
    FORBIDDEN(403, "forbidden", "Forbidden", "FORBIDDEN"),
    NOT_FOUND(404, "not-found", "Resource not found", "NOT_FOUND"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "METHOD_NOT_ALLOWED"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "NOT_ACCEPTABLE"),
    CONFLICT(409, "conflict", "Conflict", "CONFLICT"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large", "PAYLOAD_TOO_LARGE"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type", "UNSUPPORTED_MEDIA_TYPE"),
    BUSINESS_RULE(422, "business-rule-violation", "Business rule violated", "BUSINESS_RULE_VIOLATION"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests", "TOO_MANY_REQUESTS"),
    INTERNAL(500, "internal-error", "Internal server error", "INTERNAL_ERROR"),
    UNAVAILABLE(503, "service-unavailable", "Service unavailable", "SERVICE_UNAVAILABLE");

    private final int status;
    private final String slug;
    private final String title;
    private final String code;

    ProblemType(int status, String slug, String title, String code) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String code() {
        return code;
    }

    /** The type for a bare HTTP status (e.g. a framework {@code WebApplicationException}). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED; // any other 4xx: the request could not be used as sent
    }
}
