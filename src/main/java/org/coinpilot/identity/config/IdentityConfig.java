package org.coinpilot.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of accounts, tokens, sessions, sign-in codes, mails and rate limits ({@code coinpilot.identity.*}). */
@ConfigMapping(prefix = "coinpilot.identity")
public interface IdentityConfig {

    Passwords passwords();

    Tokens tokens();

    StepUp stepUp();

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
         * How long a replica trusts its cached answer to "may this session be used?" before asking the database
         * again: a session revoked on another replica is refused there within this time. It is the expiry of the
         * {@code identity-sessions} cache ({@code quarkus.cache.caffeine."identity-sessions".expire-after-write}).
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

    /**
     * Failed sign-ins of one account from every address together. Past {@code failures} in a {@code window}, the
     * account needs an emailed sign-in code besides the password (never a refusal of the right password: no lockout
     * an attacker can use against the owner).
     */
    interface StepUp {
        /** Failed sign-ins (from any address) within the window after which a sign-in code is required. */
        @WithDefault("10")
        @Min(1)
        int failures();

        /** The fixed window the failures are counted in. */
        @WithDefault("1h")
        Duration window();

        /** Lifetime of a mailed sign-in code. */
        @WithDefault("10m")
        Duration codeTtl();
    }

    interface Mail {
        /** Sender of verification and reset mails. */
        @WithDefault("Coinpilot <no-reply@coinpilot.org>")
        String from();

        /** Base URL of the web app; links are {@code <base>/verify-email?token=...} and {@code <base>/reset-password?token=...}. */
        @WithDefault("http://localhost:8080")
        String linkBase();
    }

    /**
     * Limits of the auth endpoints, as fixed windows counted in PostgreSQL ({@code auth_throttles}), so every replica
     * enforces the same numbers. Each is published as a {@code RateLimit-Policy} named after it.
     */
    interface RateLimit {
        /** Policy {@code auth}: every {@code /api/v1/auth/*} call, per client address. */
        Window requests();

        /**
         * Policy {@code login}: sign-in attempts per (email, client address); a successful sign-in resets it. Past it,
         * that address waits (429) for that email; every other address, the owner's included, is unaffected.
         */
        Window login();

        /** Policy {@code login-address}: failed sign-in attempts per client address, whatever the email. */
        Window loginAddress();

        /** Policy {@code mail}: register, resend-verification and forgot-password per (email, client address). */
        Window mail();

        /**
         * Mails actually sent to one email (verification, reset, "already registered"), from every client address
         * together. Past it nothing more is sent until the window ends, and the answer stays the same 202 (never a
         * 429, never in the RateLimit fields: the cap must not reveal whether the email has an account).
         */
        Window mailPerEmail();

        /**
         * A verification or reset link is not replaced by a new one (and nothing is mailed) while the pending one is
         * still valid and younger than this: asking again right away does not invalidate the link just mailed.
         */
        @WithDefault("60s")
        Duration mailReissueAfter();

        /** How long one run of the prune job may keep deleting ended counters. */
        @WithDefault("1m")
        Duration pruneTimeLimit();

        interface Window {
            /** Calls allowed in one window. */
            @Min(1)
            int limit();

            /** Length of the window (whole seconds). */
            Duration window();
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
