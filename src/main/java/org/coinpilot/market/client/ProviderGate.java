package org.coinpilot.market.client;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The politeness state of one provider, shared by every caller in this process: the request weight used in
 * the current minute (from Binance's {@code X-MBX-USED-WEIGHT-1M}), a pause after a 429 ({@code Retry-After})
 * and a ban after a 418 (until its Retry-After ends).
 *
 * <p>Time here is wall time in milliseconds from {@code millis} (Binance counts weight per wall-clock minute);
 * waiting uses timers, never a blocked thread.
 */
public class ProviderGate {

    private final String provider;
    private final int weightBudget;
    private final Duration maxWait;
    private final LongSupplier millis;

    private long pausedUntil;
    private long bannedUntil;
    private long usedWeight;
    private long weightMinute = -1;

    /**
     * @param weightBudget weight we allow ourselves per minute (0: the provider reports none)
     * @param maxWait longest pause a call waits out; longer pauses fail the call
     */
    public ProviderGate(String provider, int weightBudget, Duration maxWait, LongSupplier millis) {
        this.provider = provider;
        this.weightBudget = weightBudget;
        this.maxWait = maxWait;
        this.millis = millis;
    }

    /**
     * Completes when a call of {@code weight} may be sent: at once, after a pause or the next minute, or fails
     * with {@link ProviderPausedException} when the provider banned us or the wait is too long.
     */
    public Uni<Void> acquire(int weight) {
        long wait = waitMillis(weight);
        if (wait <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(wait));
    }

    /** How long a call of {@code weight} must wait now; reserves the weight. */
    synchronized long waitMillis(int weight) {
        long now = millis.getAsLong();
        if (bannedUntil > now) {
            throw new ProviderPausedException(provider, Duration.ofMillis(bannedUntil - now));
        }
        long wait = Math.max(0, pausedUntil - now);
        if (weightBudget > 0) {
            long minute = Math.floorDiv(now + wait, 60_000L);
            if (minute != weightMinute) {
                weightMinute = minute;
                usedWeight = 0;
            }
            if (usedWeight + weight > weightBudget) {
                wait = (minute + 1) * 60_000L - now;
                weightMinute = minute + 1;
                usedWeight = 0;
            }
            usedWeight += weight;
        }
        if (wait > maxWait.toMillis()) {
            throw new ProviderPausedException(provider, Duration.ofMillis(wait));
        }
        return wait;
    }

    /** Learns from a response: the weight the provider says we used, and 429 / 418 pauses. */
    public synchronized void onResponse(int status, String usedWeightHeader, String retryAfterHeader) {
        long now = millis.getAsLong();
        if (usedWeightHeader != null) {
            try {
                long reported = Long.parseLong(usedWeightHeader.trim());
                long minute = Math.floorDiv(now, 60_000L);
                if (minute == weightMinute) {
                    usedWeight = Math.max(usedWeight, reported);
                } else {
                    weightMinute = minute;
                    usedWeight = reported;
                }
            } catch (NumberFormatException ignored) {
                // a header we cannot read teaches us nothing
            }
        }
        if (status == 429 || status == 418) {
            long seconds = retryAfterSeconds(retryAfterHeader, status == 418 ? 120 : 60);
            long until = now + seconds * 1000;
            if (status == 418) {
                bannedUntil = Math.max(bannedUntil, until);
            } else {
                pausedUntil = Math.max(pausedUntil, until);
            }
        }
    }

    /** The remaining ban, or zero. */
    public synchronized Duration banRemaining() {
        return Duration.ofMillis(Math.max(0, bannedUntil - millis.getAsLong()));
    }

    /** Forgets pauses, bans and weight (tests, and an admin who knows better). */
    public synchronized void reset() {
        pausedUntil = 0;
        bannedUntil = 0;
        usedWeight = 0;
        weightMinute = -1;
    }

    private static long retryAfterSeconds(String header, long fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
