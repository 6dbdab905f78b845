package org.coinpilot.portfolio.domain;

import java.util.List;
import org.coinpilot.common.problem.BusinessRuleViolationException;
import org.coinpilot.common.problem.Problem;

/** A journal the ledger cannot apply (docs/portfolio.md, "Ledger"): a 422 naming the request field at fault. */
public class LedgerException extends BusinessRuleViolationException {

    private final transient TradeAction action;

    public LedgerException(TradeAction action, String code, String field, String message) {
        super(
                code,
                (action.id == null ? "The action" : "Action " + action.id) + " cannot be applied: " + field + " "
                        + message + ".",
                List.of(new Problem.Violation(field, "body", message)));
        this.action = action;
    }

    /** The journal entry that could not be applied. */
    public TradeAction action() {
        return action;
    }
}
