package org.coinpilot.common.persistence;

import io.quarkus.arc.Arc;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import java.time.Instant;
import org.coinpilot.common.time.Times;

/** Stamps {@code created_at} / {@code updated_at} from the application's {@link Clock} bean. */
public class AuditListener {

    @PrePersist
    void beforeInsert(Object entity) {
        Instant now = now();
        if (entity instanceof CreatedEntity created && created.createdAt == null) {
            created.createdAt = now;
        }
        if (entity instanceof AuditedEntity audited) {
            audited.updatedAt = audited.createdAt;
        }
    }

    @PreUpdate
    void beforeUpdate(Object entity) {
        if (entity instanceof AuditedEntity audited) {
            audited.updatedAt = now();
        }
    }

    private static Instant now() {
        return Times.now(Arc.container().instance(Clock.class).get());
    }
}
