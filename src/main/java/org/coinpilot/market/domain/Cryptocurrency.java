package org.coinpilot.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An asset of the catalogue with its latest market snapshot and access statistics ({@code cryptocurrencies}).
 * Fields with a database default start with the same value, because Hibernate writes every column on insert.
 */
@Entity
@Table(name = "cryptocurrencies")
public class Cryptocurrency extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Unique, case-sensitive (e.g. {@code stETH}). */
    @Column(name = "symbol", nullable = false)
    public String symbol;

    @Column(name = "name", nullable = false)
    public String name;

    /** Provider ids, a JSON object, e.g. {@code {"binance": "BTCUSDT", "coingecko": "bitcoin"}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids", nullable = false)
    public Map<String, Object> externalIds = new LinkedHashMap<>();

    @Column(name = "market_cap", precision = 30, scale = 2)
    public BigDecimal marketCap;

    @Column(name = "market_cap_rank")
    public Integer marketCapRank;

    @Column(name = "current_price", precision = 20, scale = 8)
    public BigDecimal currentPrice;

    @Column(name = "total_volume", precision = 30, scale = 2)
    public BigDecimal totalVolume;

    @Column(name = "circulating_supply", precision = 30, scale = 8)
    public BigDecimal circulatingSupply;

    @Column(name = "total_supply", precision = 30, scale = 8)
    public BigDecimal totalSupply;

    @Column(name = "max_supply", precision = 30, scale = 8)
    public BigDecimal maxSupply;

    @Column(name = "price_change_percentage_24h", precision = 10, scale = 4)
    public BigDecimal priceChangePercentage24h;

    @Column(name = "price_change_percentage_7d", precision = 10, scale = 4)
    public BigDecimal priceChangePercentage7d;

    @Column(name = "price_change_percentage_30d", precision = 10, scale = 4)
    public BigDecimal priceChangePercentage30d;

    @Column(name = "description")
    public String description;

    @Column(name = "logo_url")
    public String logoUrl;

    /** Related URLs, a JSON object (website, explorer, whitepaper, github list, …). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "links", nullable = false)
    public Map<String, Object> links = new LinkedHashMap<>();

    /** Usage statistics per timeframe, a JSON object keyed by timeframe code. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "timeframe_usage", nullable = false)
    public Map<String, Object> timeframeUsage = new LinkedHashMap<>();

    @Column(name = "last_accessed_at")
    public Instant lastAccessedAt;

    @Column(name = "access_count", nullable = false)
    public long accessCount = 0L;

    @Column(name = "is_active", nullable = false)
    public boolean isActive = true;

    /** Analysis is opted in per asset. */
    @Column(name = "is_supported", nullable = false)
    public boolean isSupported = false;
}
