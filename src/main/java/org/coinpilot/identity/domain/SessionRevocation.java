package org.coinpilot.identity.domain;

/** Why a session was revoked ({@code user_sessions.revoked_reason}). */
public final class SessionRevocation {

    public static final String LOGOUT = "logout";
    public static final String LOGOUT_ALL = "logout_all";
    public static final String USER_REVOKED = "user_revoked";
    public static final String REFRESH_REUSE = "refresh_reuse";
    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String PASSWORD_RESET = "password_reset";
    public static final String ACCOUNT_DELETED = "account_deleted";
    public static final String ADMIN_DEACTIVATED = "admin_deactivated";
    public static final String ROLE_CHANGED = "role_changed";

    private SessionRevocation() {}
}
