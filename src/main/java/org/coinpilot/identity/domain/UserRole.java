package org.coinpilot.identity.domain;

import java.util.Locale;
import org.coinpilot.common.security.Roles;

/** Role of a user ({@code users.role}); stored lowercase, the same strings as {@link Roles}. */
public enum UserRole {
    /** Operators: user management, jobs, imports, logs. */
    ADMIN,
    /** A registered end user (the default). */
    PUBLIC,
    /** A machine client, e.g. an external model posting predictions. */
    SERVICE;

    /** The value stored in the database and used in the JWT {@code groups} claim. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserRole fromDbValue(String value) {
        for (UserRole role : values()) {
            if (role.dbValue().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown user role: " + value);
    }
}
