package org.coinpilot.common.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query parameter whose text cannot be converted to its declared type. A {@link BadRequestException} so that the
 * REST layer passes it on as it is (a plain conversion failure of a query parameter would become a 404), and mapped
 * to a 400 naming the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final transient Problem.Violation violation;

    public InvalidParameterException(String name, String message) {
        super(name + " " + message);
        this.violation = new Problem.Violation(name, "query", message);
    }

    public Problem.Violation violation() {
        return violation;
    }
}
