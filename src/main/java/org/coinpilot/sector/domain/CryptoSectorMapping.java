package org.coinpilot.sector.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.coinpilot.common.persistence.AuditedEntity;

/**
 * Membership of an asset in a sector ({@code crypto_sector_mapping}); unique per (asset, sector), at most one
 * primary sector per asset.
 */
@Entity
@Table(name = "crypto_sector_mapping")
public class CryptoSectorMapping extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Id of the {@code cryptocurrencies} row. */
    @Column(name = "crypto_id", nullable = false)
    public Long cryptoId;

    /** Id of the {@code crypto_sectors} row. */
    @Column(name = "sector_id", nullable = false)
    public Long sectorId;

    /** 0–100. */
    @Column(name = "allocation_percentage", precision = 12, scale = 4)
    public BigDecimal allocationPercentage;

    @Column(name = "is_primary_sector", nullable = false)
    public boolean isPrimarySector = false;
}
