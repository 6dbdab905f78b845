package org.coinpilot.alert.domain;

/** Where an alert stands, derived from its columns and the clock (not stored). */
public enum AlertStatus {
    /** Active, not triggered, not expired: evaluated by every pass. */
    ARMED,
    /** A {@code once} alert that fired; editing its condition or re-activating it re-arms it. */
    TRIGGERED,
    /** Switched off by its owner. */
    INACTIVE,
    /** Its {@code expiresAt} has passed; never evaluated again. */
    EXPIRED
}
