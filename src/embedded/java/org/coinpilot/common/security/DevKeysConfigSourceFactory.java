package org.coinpilot.common.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * The token keys of dev mode and the demo: when {@code coinpilot.dev-keys.enabled} is true (profiles {@code %dev}
 * and {@code %demo}) and no key location is configured, generates an RSA 2048 key pair once into
 * {@code coinpilot.dev-keys.dir} (default {@code target/dev-keys}) and points {@code mp.jwt.verify.publickey.location}
 * and {@code smallrye.jwt.sign.key.location} at it. Compiled only without {@code -Dprod}, like the embedded
 * database; production always configures its keys (MP_JWT_VERIFY_PUBLICKEY_LOCATION, SMALLRYE_JWT_SIGN_KEY_LOCATION).
 */
public class DevKeysConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "coinpilot.dev-keys.enabled";
    static final String DIR = "coinpilot.dev-keys.dir";
    private static final Logger LOG = Logger.getLogger(DevKeysConfigSourceFactory.class.getName());

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, ENABLED))
                || value(context, "mp.jwt.verify.publickey.location") != null
                || value(context, "smallrye.jwt.sign.key.location") != null) {
            return List.of();
        }
        String dir = value(context, DIR);
        Path directory = Path.of(dir == null ? "target/dev-keys" : dir).toAbsolutePath();
        Path privateKey = directory.resolve("private.pem");
        Path publicKey = directory.resolve("public.pem");
        generateOnce(directory, privateKey, publicKey);
        return List.of(
                new MapBackedConfigSource(
                        "coinpilot dev keys",
                        Map.of(
                                "mp.jwt.verify.publickey.location",
                                        publicKey.toUri().toString(),
                                "smallrye.jwt.sign.key.location",
                                        privateKey.toUri().toString()),
                        275) {});
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static synchronized void generateOnce(Path directory, Path privateKey, Path publicKey) {
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(
                    privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            LOG.info("Generated a development token key pair in " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development keys to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
