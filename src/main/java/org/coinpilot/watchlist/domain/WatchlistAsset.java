package org.coinpilot.watchlist.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coinpilot.common.persistence.AuditedEntity;

/** An asset in a watchlist ({@code watchlist_assets}); each asset appears at most once per list. */
@Entity
@Table(name = "watchlist_assets")
public class WatchlistAsset extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "watchlist_id", nullable = false)
    public Long watchlistId;

    /** {@code cryptocurrencies.id}. */
    @Column(name = "crypto_id", nullable = false)
    public Long cryptoId;

    @Convert(converter = PositionType.Converter.class)
    @Column(name = "position_type")
    public PositionType positionType;

    /** Order within the list, from 0. */
    @Column(name = "position", nullable = false)
    public int position;

    @Column(name = "notes")
    public String notes;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    /** {@code users.id} of who added the asset (may be an admin). */
    @Column(name = "added_by")
    public Long addedBy;

    /** {@code users.id} of who last changed the entry. */
    @Column(name = "last_modified_by")
    public Long lastModifiedBy;
}
