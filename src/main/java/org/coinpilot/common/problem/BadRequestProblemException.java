package org.coinpilot.common.problem;

import java.util.List;

/**
 * 400 Bad Request for input that Bean Validation cannot express on the request record (e.g. an unknown key
 * in a list parameter); names the offending field like a validation failure does.
 */
public class BadRequestProblemException extends DomainException {

    public BadRequestProblemException(String field, String in, String message) {
        this(List.of(new Problem.Violation(field, in, message)));
    }

    public BadRequestProblemException(List<Problem.Violation> violations) {
        super(ProblemType.VALIDATION, ProblemType.VALIDATION.code(), "The request has invalid fields.", violations);
    }
}
