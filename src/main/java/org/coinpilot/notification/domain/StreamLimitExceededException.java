package org.coinpilot.notification.domain;

import org.coinpilot.common.problem.DomainException;
import org.coinpilot.common.problem.ProblemType;

/** 429: the caller already holds the most open live streams allowed per user on this replica. */
public class StreamLimitExceededException extends DomainException {

    public StreamLimitExceededException(int limit) {
        super(
                ProblemType.TOO_MANY_REQUESTS,
                "STREAM_LIMIT_REACHED",
                "You already have " + limit + " open notification streams; close one first.");
    }
}
