package org.coinpilot.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * Base of entities whose table has {@code created_at}: set once from the application {@code Clock} when
 * the row is first persisted (see {@link AuditListener}).
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class CreatedEntity {

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
