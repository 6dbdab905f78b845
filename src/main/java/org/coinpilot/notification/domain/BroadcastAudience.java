package org.coinpilot.notification.domain;

/** Who receives a broadcast: every active user (admins and public users), or the active users of one role. */
public enum BroadcastAudience {
    /** Every active, not deleted user with role admin or public (service clients never). */
    ALL,
    /** Active admins only. */
    ADMIN,
    /** Active public users only. */
    PUBLIC;

    /** The {@code users.role} value, or null for every role that reads notifications. */
    public String role() {
        return this == ALL ? null : name().toLowerCase(java.util.Locale.ROOT);
    }
}
