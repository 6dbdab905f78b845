package org.coinpilot.sector.client;

/**
 * CoinGecko answered in a way retrying will not change: a 4xx other than 429, a malformed body, or a Retry-After
 * pause longer than {@code coinpilot.sector.max-wait}.
 */
public class CategoryProviderRejectedException extends RuntimeException {

    public CategoryProviderRejectedException(String message) {
        super(message, null, false, false);
    }
}
