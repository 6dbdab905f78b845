package org.coinpilot.identity.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.identity.api.AdminUserResponse;
import org.coinpilot.identity.api.MeResponse;
import org.coinpilot.identity.api.ReferralsResponse;
import org.coinpilot.identity.api.SessionResponse;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserSession;

/** Entity → response mapping of the identity feature (used inside the services' sessions). */
final class UserViews {

    private UserViews() {}

    static MeResponse me(User u) {
        return new MeResponse(
                u.id,
                u.email,
                u.firstName,
                u.lastName,
                u.role,
                u.isVerified,
                u.bio,
                u.profilePictureUrl,
                u.timezone,
                u.language,
                profilePreferences(u),
                u.referralCode,
                u.referralCount,
                u.subscriptionPlan,
                u.subscriptionExpiresAt,
                u.lastLogin,
                u.loginCount,
                u.createdAt);
    }

    static AdminUserResponse admin(User u) {
        return new AdminUserResponse(
                u.id,
                u.email,
                u.firstName,
                u.lastName,
                u.role,
                u.isActive,
                u.isVerified,
                u.loginCount,
                u.lastLogin,
                u.failedLoginAttempts,
                u.lockoutExpires,
                u.referralCode,
                u.referredBy,
                u.referralCount,
                u.accountBalance,
                u.subscriptionPlan,
                u.subscriptionExpiresAt,
                u.notes,
                u.deletedAt,
                u.deletedBy,
                u.createdAt,
                u.updatedAt);
    }

    static SessionResponse session(UserSession s, String currentSessionToken) {
        Object agent = s.deviceInfo == null ? null : s.deviceInfo.get("userAgent");
        return new SessionResponse(
                s.id,
                agent == null ? null : agent.toString(),
                s.ipAddress == null ? null : s.ipAddress.getHostAddress(),
                s.createdAt,
                s.lastUsedAt,
                s.expiresAt,
                s.sessionToken.equals(currentSessionToken));
    }

    static ReferralsResponse.ReferredUser referred(User u) {
        return new ReferralsResponse.ReferredUser(u.firstName, maskEmail(u.email), u.isVerified, u.createdAt);
    }

    /** a***@example.com: enough to recognise a friend, not to harvest addresses. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** The preferences without the reserved notification settings (shown by /api/v1/notifications/preferences). */
    private static Map<String, Object> profilePreferences(User u) {
        Map<String, Object> shown = u.preferences == null ? new LinkedHashMap<>() : new LinkedHashMap<>(u.preferences);
        shown.remove(PreferencesValidator.NOTIFICATIONS);
        return shown;
    }
}
