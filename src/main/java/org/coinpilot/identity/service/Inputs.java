package org.coinpilot.identity.service;

import java.util.Locale;

/** Normalization of user input shared by the identity services. */
final class Inputs {

    private Inputs() {}

    /** An email as stored and compared: stripped and lowercase. */
    static String email(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Null for null or blank text, the stripped text otherwise. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
