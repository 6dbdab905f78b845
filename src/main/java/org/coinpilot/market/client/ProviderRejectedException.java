package org.coinpilot.market.client;

/** A provider answered in a way that retrying will not change: a 4xx other than 429, or a malformed body. */
public class ProviderRejectedException extends RuntimeException {

    public ProviderRejectedException(String message) {
        super(message, null, false, false);
    }
}
