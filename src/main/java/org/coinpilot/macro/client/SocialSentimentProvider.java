package org.coinpilot.macro.client;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A source of an aggregated social-media sentiment score ({@code market_sentiment_data.social_sentiment}). None is
 * configured: {@link #NONE} answers null, so the column stays null until a real source implements this interface.
 */
public interface SocialSentimentProvider {

    /** The score of {@code day}, or null when there is none. */
    Uni<BigDecimal> score(LocalDate day);

    SocialSentimentProvider NONE = day -> Uni.createFrom().nullItem();
}
