package org.coinpilot.indicators.domain;

/** An indicator key that is unknown or carries malformed parameters. The message names the key and the problem. */
public class InvalidIndicatorKeyException extends IllegalArgumentException {

    private final String key;
    private final String problem;

    public InvalidIndicatorKeyException(String key, String problem) {
        super("invalid indicator key '" + key + "': " + problem);
        this.key = key;
        this.problem = problem;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
