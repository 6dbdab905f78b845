package org.coinpilot.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, the body of every non-2xx response ({@code application/problem+json}).
 *
 * @param type absolute URI naming the problem type (documentation page)
 * @param title fixed human-readable summary of the type
 * @param status the HTTP status code
 * @param detail safe, human-readable explanation of this occurrence
 * @param instance the request path
 * @param code stable machine-readable code, e.g. {@code VALIDATION_FAILED}
 * @param requestId the request's id: the same as its {@code X-Request-Id} response header and the {@code requestId}
 *     of every log line written while it was handled
 * @param traceId the same as {@code requestId}, kept for clients that read it under this name
 * @param violations the offending fields, for validation problems
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; the body of every error response.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(
                description = "URI of the problem type",
                examples = "https://docs.coinpilot.org/problems/validation-error")
        String type,

        @Schema(description = "Fixed summary of the problem type", examples = "Invalid request")
        String title,

        @Schema(description = "HTTP status code", examples = "400")
        int status,

        @Schema(description = "Explanation of this occurrence")
        String detail,

        @Schema(description = "The request path", examples = "/api/v1/admin/tasks")
        String instance,

        @Schema(description = "Stable machine-readable code", examples = "VALIDATION_FAILED")
        String code,

        @Schema(
                description = "The request id: the same as the X-Request-Id response header and the requestId of the"
                        + " server's log lines of this request",
                maxLength = 64,
                pattern = "^[A-Za-z0-9._-]{8,64}$",
                examples = "3f2b6c1e9a0d4b7f8e21c3d4a5b6c7d8")
        String requestId,

        @Schema(description = "The same as requestId (its former name, kept for clients that read it)", maxLength = 64)
        String traceId,

        @Schema(description = "The offending fields (validation problems only)")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One offending input.
     *
     * @param field the field or parameter name ({@code email}, {@code items[0].price}, {@code size})
     * @param in where it was sent: {@code body}, {@code query}, {@code path} or {@code header}
     * @param message what is wrong with it
     */
    @Schema(name = "Violation", description = "An offending input field or parameter")
    public record Violation(
            @Schema(description = "Field or parameter name", examples = "email")
            String field,

            @Schema(description = "body, query, path or header", examples = "body")
            String in,

            @Schema(description = "What is wrong", examples = "must be a well-formed email address")
            String message) {}
}
