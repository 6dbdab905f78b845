package org.coinpilot.watchlist.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.coinpilot.common.persistence.AuditedEntity;

/**
 * A watchlist ({@code watchlists}): a personal list owned by a user, or a system default list without an
 * owner. Field initialisers repeat the column defaults, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "watchlists")
public class Watchlist extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Unique per owner, case-insensitively ({@code uq_watchlists_owner_name}). */
    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "description")
    public String description;

    /** Owner ({@code users.id}); null exactly when {@link #watchlistType} is {@code DEFAULT}. */
    @Column(name = "user_id")
    public Long userId;

    @Convert(converter = WatchlistType.Converter.class)
    @Column(name = "watchlist_type", nullable = false)
    public WatchlistType watchlistType = WatchlistType.PERSONAL;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    @Column(name = "is_public", nullable = false)
    public boolean isPublic;

    @Column(name = "max_assets", nullable = false)
    public int maxAssets = 50;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** Optimistic lock (CONVENTIONS §5). */
    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
