package org.coinpilot.macro.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Stored daily values of the macro series, as the repositories read them. */
public final class SeriesDay {

    private SeriesDay() {}

    /** A {@code market_sentiment_data} row. */
    public record Sentiment(
            long id,
            LocalDate day,
            BigDecimal fearGreedIndex,
            String classification,
            String provider,
            BigDecimal socialSentiment,
            Map<String, Object> analysisMetrics,
            Instant updatedAt) {}

    /** A {@code dominance_data} row. */
    public record Dominance(
            long id,
            LocalDate day,
            BigDecimal btcDominance,
            BigDecimal ethDominance,
            BigDecimal altDominance,
            BigDecimal totalMarketCapUsd,
            String source,
            Map<String, Object> trendAnalysis,
            Instant updatedAt) {}

    /** A {@code macro_indicators} row. */
    public record Indicator(
            long id,
            String name,
            String timeframe,
            LocalDate day,
            BigDecimal value,
            String source,
            Instant updatedAt) {}

    /** A {@code market_regime_analysis} row. */
    public record Regime(
            long id,
            LocalDate day,
            MarketRegime regime,
            BigDecimal confidence,
            Map<String, Object> indicators,
            Map<String, Object> analysisData,
            Instant updatedAt) {}

    /** What an upsert did: rows newly inserted, rows whose values changed; the rest were identical. */
    public record Upserted(long inserted, long updated) {

        public static final Upserted NONE = new Upserted(0, 0);

        public Upserted plus(Upserted other) {
            return new Upserted(inserted + other.inserted, updated + other.updated);
        }
    }
}
