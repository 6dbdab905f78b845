package org.coinpilot.identity.domain;

import java.util.Locale;

/** Subscription plan of a user ({@code users.subscription_plan}); stored lowercase. */
public enum SubscriptionPlan {
    FREE,
    BASIC,
    PRO,
    ENTERPRISE;

    /** The value stored in the database. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionPlan fromDbValue(String value) {
        for (SubscriptionPlan plan : values()) {
            if (plan.dbValue().equals(value)) {
                return plan;
            }
        }
        throw new IllegalArgumentException("Unknown subscription plan: " + value);
    }
}
