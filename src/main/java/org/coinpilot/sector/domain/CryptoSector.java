package org.coinpilot.sector.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sector of the catalogue, e.g. DeFi, Gaming, Infrastructure ({@code crypto_sectors}); name is unique. */
@Entity
@Table(name = "crypto_sectors")
public class CryptoSector extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name;

    /** Lower-case key for URLs and filters ({@code defi}, {@code layer-1-l1}); unique. See {@link SectorSlug}. */
    @Column(name = "slug", nullable = false)
    public String slug;

    @Column(name = "description")
    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "characteristics")
    public Map<String, Object> characteristics;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    /** A sector stored without a slug gets the one its name gives (as the table's trigger does for SQL inserts). */
    @PrePersist
    @PreUpdate
    void defaultSlug() {
        if (slug == null && name != null) {
            String derived = SectorSlug.of(name);
            slug = derived.isEmpty() ? null : derived;
        }
    }
}
