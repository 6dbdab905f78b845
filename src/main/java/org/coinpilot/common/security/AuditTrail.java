package org.coinpilot.common.security;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * The one audit trail of the API ({@code user_activities}). Every feature records its creates, updates and
 * deletes through this interface, inside its own transaction: the row is written with the caller's unit of
 * work, so it exists exactly when the change does. The caller (user, session), client IP and user agent are
 * taken from the current request; jobs without a request and without a user record nothing.
 *
 * <p>Codes are lowercase snake case: {@code entityType} names the entity ({@code watchlist}), the activity
 * type is {@code <entityType>_<past tense>} ({@code watchlist_created}) unless given.
 */
public interface AuditTrail {

    /** Records one activity of the current caller; completes without writing when there is no caller. */
    Uni<Void> record(String activityType, String entityType, Long entityId, String action, Map<String, Object> details);

    /** {@code <entityType>_created} with action {@code create}. */
    default Uni<Void> created(String entityType, Long entityId, Map<String, Object> details) {
        return record(entityType + "_created", entityType, entityId, "create", details);
    }

    /** {@code <entityType>_updated} with action {@code update}; {@code details} typically lists the changed fields. */
    default Uni<Void> updated(String entityType, Long entityId, Map<String, Object> details) {
        return record(entityType + "_updated", entityType, entityId, "update", details);
    }

    /** {@code <entityType>_deleted} with action {@code delete}. */
    default Uni<Void> deleted(String entityType, Long entityId, Map<String, Object> details) {
        return record(entityType + "_deleted", entityType, entityId, "delete", details);
    }
}
