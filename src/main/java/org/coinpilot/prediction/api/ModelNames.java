package org.coinpilot.prediction.api;

/** The input rules of model names and version labels, and the size limit of the free-form objects. */
final class ModelNames {

    static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    static final String MESSAGE = "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";
    static final int MAX_ENTRIES = 200;

    private ModelNames() {}
}
