package org.coinpilot.common.problem;

import java.util.List;

/** 403 Forbidden: the caller is known but may not do this. */
public class ForbiddenOperationException extends DomainException {

    public ForbiddenOperationException(String code, String detail) {
        super(ProblemType.FORBIDDEN, code, detail);
    }

    public ForbiddenOperationException(String code, String detail, List<Problem.Violation> violations) {
        super(ProblemType.FORBIDDEN, code, detail, violations);
    }
}
