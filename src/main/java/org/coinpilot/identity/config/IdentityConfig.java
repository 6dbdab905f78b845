package org.coinpilot.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of accounts, tokens, sessions, lockout, mails and rate limits ({@code coinpilot.identity.*}). */
@ConfigMapping(prefix = "coinpilot.identity")
public interface IdentityConfig {

    Passwords passwords();

    Tokens tokens();

    Lockout lockout();

    Mail mail();

    RateLimit rateLimit();

    BootstrapAdmin bootstrapAdmin();

    DemoSeed demoSeed();

    /**
     * Addresses (IPs or CIDR blocks) of reverse proxies whose {@code X-Forwarded-For} is believed. Requests from
     * any other address use the TCP peer address. Empty (the default): X-Forwarded-For is ignored.
     */
    Optional<List<String>> trustedProxies();

    interface Passwords {
        /** bcrypt cost (log2 rounds); production needs at least 12. The test profile lowers it for speed. */
        @WithDefault("12")
        @Min(4)
        @Max(31)
        int bcryptCost();

        /**
         * Threads that run bcrypt (a dedicated pool). Default: CPU count − 1, at least 1, so that logins never take
         * every core from the other requests; raise it to trade GET latency for more logins per second.
         */
        Optional<@Min(1) Integer> hashingThreads();

        /** Calls allowed to wait per bcrypt thread; more get a 429 AUTH_BUSY at once instead of queueing. */
        @WithDefault("8")
        @Min(0)
        int maxQueuedPerThread();

        /** Minimum password length. */
        @WithDefault("10")
        @Min(8)
        int minLength();
    }

    interface Tokens {
        /** Lifetime of an access token. */
        @WithDefault("15m")
        Duration accessTokenTtl();

        /** Lifetime of a login session (its refresh tokens), counted from login; not extended by refreshes. */
        @WithDefault("30d")
        Duration sessionTtl();

        /** Lifetime of an email verification token. */
        @WithDefault("48h")
        Duration verificationTtl();

        /** Lifetime of a password reset token. */
        @WithDefault("1h")
        Duration resetTtl();

        /**
         * How long a replica trusts its cached "this session is still valid" answer before asking the database
         * again: a session revoked on another replica is refused there within this time.
         */
        @WithDefault("5s")
        Duration sessionCheckTtl();

        /**
         * Refuse access tokens whose {@code sid} names no session at all. True in production; the test profile
         * turns it off so that tests of other features can mint tokens without creating sessions.
         */
        @WithDefault("true")
        boolean rejectUnknownSession();
    }

    interface Lockout {
        /** Consecutive failed logins that lock the account. */
        @WithDefault("5")
        @Min(1)
        int maxFailedAttempts();

        /** How long a locked account stays locked. */
        @WithDefault("15m")
        Duration period();
    }

    interface Mail {
        /** Sender of verification and reset mails. */
        @WithDefault("Coinpilot <no-reply@coinpilot.org>")
        String from();

        /** Base URL of the web app; links are {@code <base>/verify-email?token=...} and {@code <base>/reset-password?token=...}. */
        @WithDefault("http://localhost:8080")
        String linkBase();
    }

    interface RateLimit {
        /** Token bucket per client IP over all {@code /api/v1/auth/*} calls. */
        Bucket ip();

        /** Token bucket per email address on login, register, resend-verification and forgot-password. */
        Bucket email();

        interface Bucket {
            /** Burst size: calls allowed at once. */
            @Min(1)
            int capacity();

            /** Time to refill the whole bucket (refilled continuously). */
            Duration refillPeriod();
        }
    }

    interface BootstrapAdmin {
        /** Email of the first admin, created on start when no admin exists (env COINPILOT_IDENTITY_BOOTSTRAP_ADMIN_EMAIL). */
        Optional<String> email();

        /** Its password (env COINPILOT_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD); must pass the password policy. */
        Optional<String> password();
    }

    interface DemoSeed {
        /** Seeds a demo admin and a demo user on start (dev and demo profiles only) and logs how to log in. */
        @WithDefault("false")
        boolean enabled();
    }
}
