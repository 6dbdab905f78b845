package org.coinpilot.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.persistence.AuditedEntity;
import org.coinpilot.common.time.Timeframe;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A closed OHLCV candle of one asset and timeframe ({@code price_data}); unique on (crypto, timeframe, time). */
@Entity
@Table(name = "price_data")
public class PriceData extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Id of the {@code cryptocurrencies} row. */
    @Column(name = "crypto_id", nullable = false)
    public Long cryptoId;

    @Convert(converter = Timeframe.Converter.class)
    @Column(name = "timeframe", nullable = false)
    public Timeframe timeframe;

    @Column(name = "open_price", nullable = false, precision = 20, scale = 8)
    public BigDecimal openPrice;

    @Column(name = "high_price", nullable = false, precision = 20, scale = 8)
    public BigDecimal highPrice;

    @Column(name = "low_price", nullable = false, precision = 20, scale = 8)
    public BigDecimal lowPrice;

    @Column(name = "close_price", nullable = false, precision = 20, scale = 8)
    public BigDecimal closePrice;

    /** USD volume (seed); docs/market.md "Volume" says what it holds when the source gave no quote volume. */
    @Column(name = "volume", precision = 30, scale = 2)
    public BigDecimal volume;

    /** Base-asset volume exactly as the source gave it (plain {@code numeric}, V060); null when unknown. */
    @Column(name = "base_volume")
    public BigDecimal baseVolume;

    /** Quote-asset volume exactly as the source gave it (plain {@code numeric}, V060); null when none was given. */
    @Column(name = "quote_volume")
    public BigDecimal quoteVolume;

    @Column(name = "market_cap", precision = 30, scale = 2)
    public BigDecimal marketCap;

    @Column(name = "circulating_supply", precision = 30, scale = 8)
    public BigDecimal circulatingSupply;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "technical_indicators")
    public Map<String, Object> technicalIndicators;

    /** Open time of the candle. */
    @Column(name = "candle_time", nullable = false)
    public Instant candleTime;
}
