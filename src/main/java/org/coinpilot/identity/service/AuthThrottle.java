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
    static final int PRUNE_BATCH = 5000;
    static final int PRUNE_BATCHES = 20;

    /** What a sign-in attempt may do after the gate: whether the account currently needs a sign-in code. */
    public record SignInGate(boolean codeRequired) {}

    private record Counted(List<Count> hits, List<Count> read) {}

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

    /** Counts one auth call of {@code ip}; a 429 past the {@code auth} limit. */
    public Uni<Void> countRequest(InetAddress ip) {
        Instant now = Times.now(clock);
        Key key = new Key(REQUESTS, "", address(ip));
        return transactions
                .statement(client -> repository.hit(client, List.of(hit(key, limits.requests(), now)), now))
                .invoke(counts -> enforce("auth", limits.requests(), counts.get(0), now))
                .replaceWithVoid();
    }

    /**
     * Counts a sign-in attempt of {@code email} from {@code ip} against the {@code login} and {@code login-address}
     * limits (a 429 past either) and tells whether the account needs a sign-in code. The same two statements run
     * whether or not the email has an account.
     */
    public Uni<SignInGate> beforeSignIn(String email, InetAddress ip) {
        Instant now = Times.now(clock);
        String subject = subject(email);
        String address = address(ip);
        Key pair = new Key(LOGIN, subject, address);
        Key perAddress = new Key(LOGIN_ADDRESS, "", address);
        Key account = new Key(ACCOUNT, subject, "");
        return transactions
                .sql(connection -> repository
                        .hit(
                                connection,
                                List.of(hit(pair, limits.login(), now), hit(perAddress, limits.loginAddress(), now)),
                                now)
                        .chain(hits -> repository
                                .read(connection, List.of(account), now)
                                .map(read -> new Counted(hits, read))))
                .map(counted -> {
                    for (Count count : counted.hits()) {
                        if (count.key().equals(pair)) {
                            enforce("login", limits.login(), count, now);
                        } else {
                            enforce("login-address", limits.loginAddress(), count, now);
                        }
                    }
                    int failures =
                            counted.read().isEmpty() ? 0 : counted.read().get(0).hits();
                    return new SignInGate(failures >= stepUp.failures());
                });
    }

    /**
     * A sign-in with the right credentials: the (email, address) counter starts afresh and the attempt does not
     * count against the address.
     */
    public Uni<Void> afterSignIn(String email, InetAddress ip) {
        Instant now = Times.now(clock);
        String subject = subject(email);
        String address = address(ip);
        return transactions.sql(connection -> repository
                .clear(connection, List.of(new Key(LOGIN, subject, address)))
                .chain(() -> repository.release(connection, List.of(new Key(LOGIN_ADDRESS, "", address)), now)));
    }

    /** Counts a failed sign-in of {@code email} from any address, in the caller's transaction. */
    public Uni<Void> countFailedSignIn(SqlClient connection, String email) {
        Instant now = Times.now(clock);
        Key account = new Key(ACCOUNT, subject(email), "");
        return repository
                .hit(connection, List.of(new Hit(account, now.plus(stepUp.window()))), now)
                .replaceWithVoid();
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

    /** Deletes every counter of this account (admin unlock, password reset), in the caller's transaction. */
    public Uni<Integer> clearAccount(SqlClient connection, String email) {
        return repository.clearSubject(connection, subject(email));
    }

    /** Deletes counters whose window ended, in batches; the number deleted. */
    public Uni<Integer> prune() {
        return pruneFrom(0, 0);
    }

    private Uni<Integer> pruneFrom(int batches, int deleted) {
        Instant now = Times.now(clock);
        return transactions
                .statement(client -> repository.prune(client, now, PRUNE_BATCH))
                .chain(count -> count < PRUNE_BATCH || batches + 1 >= PRUNE_BATCHES
                        ? Uni.createFrom().item(deleted + count)
                        : pruneFrom(batches + 1, deleted + count));
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
            throw new RateLimitExceededException(reset);
        }
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
}
