package org.coinpilot.market.client;

/**
 * A provider call failed in a way worth retrying: 5xx (outcome unknown), 429 (after the Retry-After pause),
 * a timeout or a broken connection.
 */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message, null, false, false);
    }
}
