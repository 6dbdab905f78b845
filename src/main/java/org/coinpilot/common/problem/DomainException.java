package org.coinpilot.common.problem;

import java.util.List;

/**
 * Base of every exception a feature throws on purpose. It carries the problem type, a stable machine code
 * and a safe detail; {@link ProblemMappers} turns it into a problem response. Features subclass the five
 * concrete kinds below, never {@code WebApplicationException}.
 */
public abstract class DomainException extends RuntimeException {

    private final ProblemType type;
    private final String code;
    private final List<Problem.Violation> violations;

    protected DomainException(ProblemType type, String code, String detail) {
        this(type, code, detail, null);
    }

    protected DomainException(ProblemType type, String code, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.code = code == null ? type.code() : code;
        this.violations = violations;
    }

    public ProblemType type() {
        return type;
    }

    public String code() {
        return code;
    }

    /** The offending fields, when the rule concerns specific inputs; otherwise {@code null}. */
    public List<Problem.Violation> violations() {
        return violations;
    }
}
