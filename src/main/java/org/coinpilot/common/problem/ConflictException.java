package org.coinpilot.common.problem;

import java.util.List;

/** 409 Conflict: the request conflicts with the current state (duplicate, stale version). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String detail) {
        super(ProblemType.CONFLICT, code, detail);
    }

    public ConflictException(String code, String detail, List<Problem.Violation> violations) {
        super(ProblemType.CONFLICT, code, detail, violations);
    }
}
