package org.coinpilot.macro.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.macro.domain.MarketSentimentData;

/** Queries of {@code market_sentiment_data}. */
@ApplicationScoped
public class MarketSentimentDataRepository implements PanacheRepositoryBase<MarketSentimentData, Long> {}
