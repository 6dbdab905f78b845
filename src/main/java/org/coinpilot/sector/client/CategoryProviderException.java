package org.coinpilot.sector.client;

/**
 * A CoinGecko call failed in a way worth retrying: 5xx, 429 (after its Retry-After pause), a timeout or a broken
 * connection.
 */
public class CategoryProviderException extends RuntimeException {

    public CategoryProviderException(String message) {
        super(message, null, false, false);
    }
}
