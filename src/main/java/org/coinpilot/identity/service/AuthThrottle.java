package org.coinpilot.identity.service;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.identity.config.IdentityConfig;
import org.coinpilot.identity.domain.RateLimitExceededException;
import org.coinpilot.identity.persistence.AuthThrottleRepository;
import org.coinpilot.identity.persistence.AuthThrottleRepository.Count;
import org.coinpilot.identity.persistence.AuthThrottleRepository.Hit;
import org.coinpilot.identity.persistence.AuthThrottleRepository.Key;

/**
 * The limits of the auth endpoints (docs/identity.md, "Sign-in limits"), counted in PostgreSQL so that every replica
 * sees the same counts. Emails are keyed by their SHA-256 (an unknown email is limited exactly like a known one, and
 * the table holds no address book); client addresses as given by {@link ClientAddress}, IPv6 by its /64 prefix.
 *
 * <ul>
 *   <li>{@code auth}: every auth call per client address;
 *   <li>{@code login}: sign-in attempts per (email, address), reset by a successful sign-in, so that an attacker's
 *       failures make only the attacker's address wait;
 *   <li>{@code login-address}: failed sign-ins per address, whatever the email (password spraying);
 *   <li>{@code mail}: register, resend-verification and forgot-password per (email, address);
 *   <li>{@code mail-per-email}: mails actually sent to one email, from every address together (never a 429);
 *   <li>the account counter: failed sign-ins of an email from every address; past the step-up threshold the
 *       account needs an emailed sign-in code, which never refuses the owner who has the password and the mailbox.
 * </ul>
 */
@ApplicationScoped
public class AuthThrottle {

    static final String REQUESTS = "requests";
    static final String LOGIN = "login";
    static final String LOGIN_ADDRESS = "login_address";
    static final String MAIL = "mail";
    static final String ACCOUNT = "account";
    static final String MAIL_SENT = "mail_sent";
    static final int PRUNE_BATCH = 5000;
    /** At most this many in-process refusal notes; past it, the ended ones are dropped (then the oldest). */
    static final int MAX_NOTES = 100_000;

    /** What a sign-in attempt may do after the gate: whether the account currently needs a sign-in code. */
    public record SignInGate(boolean codeRequired) {}

    /**
     * In-process notes "this address is refused by that per-address limit until then", taken from the database's
     * answer and checked before it: a client that keeps calling after its 429 costs no statement until its window
     * ends. A note can only make this replica stricter than the database (never lets a call through that the
     * database would refuse); the database stays authoritative across replicas.
     */
    private final Map<Key, Instant> refusedUntil = new ConcurrentHashMap<>();

    private final Transactions transactions;
    private final AuthThrottleRepository repository;
    private final RateLimitStatus status;
    private final IdentityConfig.RateLimit limits;
    private final IdentityConfig.StepUp stepUp;
    private final Clock clock;

    public AuthThrottle(
            Transactions transactions,
            AuthThrottleRepository repository,
            RateLimitStatus status,
            IdentityConfig config,
            Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.status = status;
        this.limits = config.rateLimit();
        this.stepUp = config.stepUp();
        this.clock = clock;
    }

    /**
     * Counts one auth call of {@code ip}; a 429 past the {@code auth} limit. An address already refused (noted by
     * this replica) is refused again without a statement.
     */
    public Uni<Void> countRequest(InetAddress ip) {
        Instant now = Times.now(clock);
        Key key = new Key(REQUESTS, "", address(ip));
        RateLimitExceededException noted = refusedByNote("auth", limits.requests(), key, now);
        if (noted != null) {
            return Uni.createFrom().failure(noted);
        }
        return transactions
                .statement(client -> repository.hit(client, List.of(hit(key, limits.requests(), now)), now))
                .invoke(counts -> enforce("auth", limits.requests(), counts.get(0), now))
                .replaceWithVoid();
    }

    /**
     * Counts a sign-in attempt of {@code email} from {@code ip} against the {@code login} and {@code login-address}
     * limits (a 429 past either) and against the account, all in one statement before the password is checked, so
     * that parallel attempts cannot overshoot any limit; tells whether the account needs a sign-in code (the account
     * had {@code step-up.failures} attempts or more before this one). A refused attempt counts nowhere (its
     * transaction is rolled back). The same statement runs whether or not the email has an account.
     */
    public Uni<SignInGate> beforeSignIn(String email, InetAddress ip) {
        Instant now = Times.now(clock);
        String subject = subject(email);
        String address = address(ip);
        Key pair = new Key(LOGIN, subject, address);
        Key perAddress = new Key(LOGIN_ADDRESS, "", address);
        Key account = new Key(ACCOUNT, subject, "");
        RateLimitExceededException noted = refusedByNote("login-address", limits.loginAddress(), perAddress, now);
        if (noted != null) {
            return Uni.createFrom().failure(noted);
        }
        return transactions.sql(connection -> repository
                .hit(
                        connection,
                        List.of(
                                hit(pair, limits.login(), now),
                                hit(perAddress, limits.loginAddress(), now),
                                new Hit(account, now.plus(stepUp.window()))),
                        now)
                .map(counts -> {
                    int before = 0;
                    for (Count count : counts) {
                        if (count.key().equals(pair)) {
                            enforce("login", limits.login(), count, now);
                        } else if (count.key().equals(perAddress)) {
                            enforce("login-address", limits.loginAddress(), count, now);
                        } else {
                            before = count.hits() - 1;
                        }
                    }
                    return new SignInGate(before >= stepUp.failures());
                }));
    }

    /**
     * A sign-in with the right credentials: the (email, address) counter starts afresh, and the attempt counts
     * neither against the address nor against the account.
     */
    public Uni<Void> afterSignIn(String email, InetAddress ip) {
        Instant now = Times.now(clock);
        String subject = subject(email);
        String address = address(ip);
        return transactions.sql(connection -> repository
                .clear(connection, List.of(new Key(LOGIN, subject, address)))
                .chain(() -> repository.release(
                        connection, List.of(new Key(ACCOUNT, subject, ""), new Key(LOGIN_ADDRESS, "", address)), now)));
    }

    /**
     * An attempt that never reached the password check (the server was too busy, AUTH_BUSY): every hit that
     * {@link #beforeSignIn} counted is given back.
     */
    public Uni<Void> notAttempted(String email, InetAddress ip) {
        Instant now = Times.now(clock);
        String subject = subject(email);
        String address = address(ip);
        return transactions.statement(connection -> repository.release(
                connection,
                List.of(
                        new Key(ACCOUNT, subject, ""),
                        new Key(LOGIN, subject, address),
                        new Key(LOGIN_ADDRESS, "", address)),
                now));
    }

    /** Counts a mail request for {@code email} from {@code ip} in the caller's transaction; a 429 past the limit. */
    public Uni<Void> countMailRequest(SqlClient connection, String email, InetAddress ip) {
        Instant now = Times.now(clock);
        Key key = new Key(MAIL, subject(email), address(ip));
        return repository
                .hit(connection, List.of(hit(key, limits.mail(), now)), now)
                .invoke(counts -> enforce("mail", limits.mail(), counts.get(0), now))
                .replaceWithVoid();
    }

    /**
     * Takes one mail of the per-email cap ({@code mail-per-email}: mails actually sent to one address, whatever
     * the client address asking), in the caller's transaction: false when the cap is reached, and then nothing
     * may be sent. Never a 429 and never in the RateLimit fields: the caller answers the same whatever happens here.
     */
    public Uni<Boolean> takeMail(SqlClient connection, String email) {
        Instant now = Times.now(clock);
        IdentityConfig.RateLimit.Window cap = limits.mailPerEmail();
        return repository.take(
                connection, new Key(MAIL_SENT, subject(email), ""), cap.limit(), now.plus(cap.window()), now);
    }

    /** Deletes every counter of this account (admin unlock, password reset), in the caller's transaction. */
    public Uni<Integer> clearAccount(SqlClient connection, String email) {
        return repository.clearSubject(connection, subject(email));
    }

    /**
     * Deletes counters whose window ended, in batches of {@value #PRUNE_BATCH}, until none is left or the run took
     * {@code rate-limit.prune-time-limit}; the number deleted. Also drops the ended in-process refusal notes.
     */
    public Uni<Integer> prune() {
        Instant now = Times.now(clock);
        refusedUntil.values().removeIf(until -> !until.isAfter(now));
        long deadline = System.nanoTime() + limits.pruneTimeLimit().toNanos();
        return pruneFrom(0, deadline);
    }

    private Uni<Integer> pruneFrom(int deleted, long deadline) {
        Instant now = Times.now(clock);
        return transactions
                .statement(client -> repository.prune(client, now, PRUNE_BATCH))
                .chain(count -> count < PRUNE_BATCH || System.nanoTime() - deadline >= 0
                        ? Uni.createFrom().item(deleted + count)
                        : pruneFrom(deleted + count, deadline));
    }

    private static Hit hit(Key key, IdentityConfig.RateLimit.Window window, Instant now) {
        return new Hit(key, now.plus(window.window()));
    }

    /** Records where the limit stands for the response headers; a 429 when the count went past it. */
    private void enforce(String policy, IdentityConfig.RateLimit.Window window, Count count, Instant now) {
        long reset = Math.max(1, (Duration.between(now, count.expiresAt()).toMillis() + 999) / 1000);
        int remaining = Math.max(0, window.limit() - count.hits());
        if (Arc.container().requestContext().isActive()) {
            status.add(new RateLimitStatus.Quota(
                    policy, window.limit(), window.window().toSeconds(), remaining, reset));
        }
        if (count.hits() > window.limit()) {
            if (count.key().subject().isEmpty() && !count.key().address().isEmpty()) {
                note(count.key(), count.expiresAt());
            }
            throw new RateLimitExceededException(reset);
        }
    }

    /** The refusal this replica noted for {@code key} (recorded for the RateLimit fields), or null. */
    private RateLimitExceededException refusedByNote(
            String policy, IdentityConfig.RateLimit.Window window, Key key, Instant now) {
        if (key.address().isEmpty()) {
            return null;
        }
        Instant until = refusedUntil.get(key);
        if (until == null) {
            return null;
        }
        if (!until.isAfter(now)) {
            refusedUntil.remove(key, until);
            return null;
        }
        try {
            enforce(policy, window, new Count(key, window.limit() + 1, until), now);
        } catch (RateLimitExceededException e) {
            return e;
        }
        throw new IllegalStateException("a noted refusal must refuse");
    }

    private void note(Key key, Instant until) {
        if (refusedUntil.size() >= MAX_NOTES) {
            Instant now = Times.now(clock);
            refusedUntil.values().removeIf(end -> !end.isAfter(now));
            if (refusedUntil.size() >= MAX_NOTES) {
                refusedUntil.clear(); // only stricter than the database: forgetting is always safe
            }
        }
        refusedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The counter key of an email: its SHA-256, so the table never holds addresses. */
    static String subject(String email) {
        return Secrets.sha256Hex(Inputs.email(email));
    }

    /** The counter key of a client address: IPv4 as is, IPv6 by its /64 prefix (one subscriber); "" when unknown. */
    static String address(InetAddress ip) {
        if (ip == null) {
            return "";
        }
        if (ip instanceof Inet6Address) {
            byte[] bytes = ip.getAddress();
            if (isIpv4Mapped(bytes)) {
                return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "."
                        + (bytes[15] & 0xff);
            }
            byte[] prefix = Arrays.copyOf(ip.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return ip.getHostAddress();
    }

    /** {@code ::ffff:a.b.c.d}: an IPv4 client seen through an IPv6 socket is keyed as that IPv4 address. */
    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16 || (bytes[10] & 0xff) != 0xff || (bytes[11] & 0xff) != 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
