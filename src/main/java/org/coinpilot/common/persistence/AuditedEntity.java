package org.coinpilot.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * Base of entities whose table has {@code created_at} and {@code updated_at}. Both come from the
 * application {@code Clock} ({@link AuditListener}); the database trigger {@code set_updated_at()} keeps
 * {@code updated_at} current for bulk SQL updates that do not set it themselves.
 */
@MappedSuperclass
public abstract class AuditedEntity extends CreatedEntity {

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
