package org.coinpilot.ops.api;

import java.util.Optional;
import org.coinpilot.identity.service.SigningKeys;

/**
 * Before the HTTP API starts in the prod profile, makes sure the token keys are configured, readable and one pair
 * ({@link SigningKeys#unusable}); otherwise prints one line saying what is wrong and what to set, and the process exits
 * with {@link DatabaseUrlCheck#EXIT_CONFIG}, as for a missing database. Without it the service started, reported UP, and
 * answered 500 to every login, every authenticated call and the JWKS. Dev and demo generate their keys; tests have
 * their own.
 */
final class SigningKeyCheck {

    static final String PUBLIC = "mp.jwt.verify.publickey.location";
    static final String PRIVATE = "smallrye.jwt.sign.key.location";
    static final String HINT =
            " Set MP_JWT_VERIFY_PUBLICKEY_LOCATION and SMALLRYE_JWT_SIGN_KEY_LOCATION to the PEM files"
                    + " of one RSA key pair (README, Configure it).";

    private SigningKeyCheck() {}

    /** The message to stop with, or empty when the service may start. */
    static Optional<String> problem(PrestartConfig config) {
        if (DatabaseUrlCheck.launchedByDevMode() || !config.profile().equals("prod")) {
            return Optional.empty();
        }
        Optional<String> publicLocation = config.get(PUBLIC);
        Optional<String> privateLocation = config.get(PRIVATE);
        if (publicLocation.isEmpty() || privateLocation.isEmpty()) {
            return Optional.of("coinpilot: no token "
                    + (publicLocation.isEmpty() && privateLocation.isEmpty()
                            ? "keys are"
                            : publicLocation.isEmpty() ? "verification key is" : "signing key is")
                    + " configured." + HINT);
        }
        String unusable = SigningKeys.unusable(publicLocation.get(), privateLocation.get());
        return unusable == null ? Optional.empty() : Optional.of("coinpilot: " + unusable + "." + HINT);
    }
}
