package org.coinpilot.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token-key check that runs before the prod service starts (PackagedApplicationIT runs it in the packaged jar). */
class SigningKeyCheckTest {

    static final String PUBLIC =
            Path.of("src/test/resources/keys/test-public.pem").toAbsolutePath().toString();
    static final String PRIVATE =
            Path.of("src/test/resources/keys/test-private.pem").toAbsolutePath().toString();
    static final String OTHER_PRIVATE = Path.of("src/test/resources/keys/other-private.pem")
            .toAbsolutePath()
            .toString();

    @TempDir
    Path dir;

    @Test
    void shouldPassWhenTheKeysAreOneReadablePair() {
        assertThat(problem(Map.of(), properties(PUBLIC, PRIVATE))).isNull();
        // as environment variables, and with the file: scheme
        assertThat(problem(
                        Map.of(
                                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                                "file:" + PUBLIC,
                                "SMALLRYE_JWT_SIGN_KEY_LOCATION",
                                PRIVATE),
                        new Properties()))
                .isNull();
    }

    @Test
    void shouldStopWhenNoKeyIsConfigured() {
        assertThat(problem(Map.of(), new Properties()))
                .startsWith("coinpilot: no token keys are configured.")
                .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY_LOCATION");
        assertThat(problem(Map.of(), properties(PUBLIC, null)))
                .startsWith("coinpilot: no token signing key is configured.");
    }

    @Test
    void shouldStopWhenAKeyCannotBeReadOrIsNoKey() throws IOException {
        String missing = dir.resolve("missing.pem").toString();
        assertThat(problem(Map.of(), properties(missing, PRIVATE)))
                .startsWith("coinpilot: the verification key " + missing
                        + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) cannot be read.");
        Path unreadable = Files.createDirectory(dir.resolve("a-directory.pem"));
        assertThat(problem(Map.of(), properties(PUBLIC, unreadable.toString())))
                .contains("the signing key " + unreadable + " (SMALLRYE_JWT_SIGN_KEY_LOCATION) cannot be read");
        Path garbage = Files.writeString(
                dir.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n");
        assertThat(problem(Map.of(), properties(garbage.toString(), PRIVATE))).contains("is not a PEM RSA public key");
        assertThat(problem(Map.of(), properties(PUBLIC, garbage.toString())))
                .contains("is not a PEM (PKCS#8) RSA private key");
    }

    @Test
    void shouldStopWhenTheKeysAreNotOnePair() {
        assertThat(problem(Map.of(), properties(PUBLIC, OTHER_PRIVATE)))
                .contains("are not one pair")
                .doesNotContain("Exception");
    }

    @Test
    void shouldLeaveOtherProfilesAndRemoteKeysAlone() {
        Properties demo = new Properties();
        demo.setProperty("quarkus.profile", "demo");
        assertThat(problem(Map.of(), demo)).isNull();
        assertThat(problem(Map.of(), properties("https://keys.example/public.pem", PRIVATE)))
                .isNull();
    }

    private String problem(Map<String, String> env, Properties system) {
        return SigningKeyCheck.problem(PrestartConfig.load(new HashMap<>(env), system, dir))
                .orElse(null);
    }

    private static Properties properties(String publicLocation, String privateLocation) {
        Properties properties = new Properties();
        if (publicLocation != null) {
            properties.setProperty(SigningKeyCheck.PUBLIC, publicLocation);
        }
        if (privateLocation != null) {
            properties.setProperty(SigningKeyCheck.PRIVATE, privateLocation);
        }
        return properties;
    }
}
