package org.coinpilot.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * JSON that parses but that the API refuses at the input boundary (a U+0000 character, a key given twice, an
 * instant out of range): names the field as the client sent it ({@code preferences.theme}, {@code legs[0].name}).
 * It is a {@link JsonProcessingException}, so parsers and deserializers may throw it; {@link ProblemMappers}
 * answers it as a 400 with one body violation, also when databind wrapped it on the way out.
 */
public class JsonInputException extends JsonProcessingException {

    private final String field;
    private final String reason;

    public JsonInputException(String field, String reason) {
        super(field + " " + reason, (com.fasterxml.jackson.core.JsonLocation) null);
        this.field = field;
        this.reason = reason;
    }

    /** The violation to report: the field, in the body, and what is wrong with it. */
    public Problem.Violation violation() {
        return new Problem.Violation(field, "body", reason);
    }
}
