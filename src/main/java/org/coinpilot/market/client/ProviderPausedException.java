package org.coinpilot.market.client;

import java.time.Duration;

/**
 * Calls to a provider are paused: it banned us (Binance 418) or asked us to wait longer than we are willing to
 * (Retry-After beyond {@code coinpilot.market.binance.max-wait}). No request is sent until the pause ends.
 */
public class ProviderPausedException extends RuntimeException {

    private final Duration remaining;

    public ProviderPausedException(String provider, Duration remaining) {
        super(
                provider + " is paused for another " + remaining.toSeconds() + "s (rate limit ban or Retry-After)",
                null,
                false,
                false);
        this.remaining = remaining;
    }

    public Duration remaining() {
        return remaining;
    }
}
