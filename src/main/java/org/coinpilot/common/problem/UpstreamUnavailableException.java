package org.coinpilot.common.problem;

import java.util.List;

/** 503 Service Unavailable: a dependency (exchange, database) cannot answer now. */
public class UpstreamUnavailableException extends DomainException {

    public UpstreamUnavailableException(String code, String detail) {
        super(ProblemType.UNAVAILABLE, code, detail);
    }

    public UpstreamUnavailableException(String code, String detail, List<Problem.Violation> violations) {
        super(ProblemType.UNAVAILABLE, code, detail, violations);
    }
}
