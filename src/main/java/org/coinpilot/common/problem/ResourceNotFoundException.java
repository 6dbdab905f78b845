package org.coinpilot.common.problem;

import java.util.List;

/** 404 Not Found: a resource that does not exist or is not the caller's (no enumeration). */
public class ResourceNotFoundException extends DomainException {

    public ResourceNotFoundException(String code, String detail) {
        super(ProblemType.NOT_FOUND, code, detail);
    }

    public ResourceNotFoundException(String code, String detail, List<Problem.Violation> violations) {
        super(ProblemType.NOT_FOUND, code, detail, violations);
    }
}
