package org.coinpilot.common.problem;

import java.util.List;

/** 422 Unprocessable: well-formed input that breaks a business rule. */
public class BusinessRuleViolationException extends DomainException {

    public BusinessRuleViolationException(String code, String detail) {
        super(ProblemType.BUSINESS_RULE, code, detail);
    }

    public BusinessRuleViolationException(String code, String detail, List<Problem.Violation> violations) {
        super(ProblemType.BUSINESS_RULE, code, detail, violations);
    }
}
