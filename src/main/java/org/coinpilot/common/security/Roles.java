package org.coinpilot.common.security;

/** The roles of the {@code groups} claim (seed {@code users.role}), as constants for security annotations. */
public final class Roles {

    /** Operators: user management, jobs, imports, logs. */
    public static final String ADMIN = "admin";

    /** A registered end user (the seed's default role). */
    public static final String PUBLIC = "public";

    /** A machine client (e.g. an external model posting predictions). */
    public static final String SERVICE = "service";

    private Roles() {}
}
