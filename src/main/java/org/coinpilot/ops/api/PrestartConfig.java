package org.coinpilot.ops.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The configuration as Quarkus will read it, for the checks that run in {@code main()} before the framework starts
 * ({@link DatabaseUrlCheck}, {@link SigningKeyCheck}): system properties, the environment, {@code .env},
 * {@code config/application.properties} and the packaged {@code application.properties}, in Quarkus' order of
 * precedence; in the files a {@code %prod.} key wins over the plain one.
 */
final class PrestartConfig {

    private final Map<String, String> env;
    private final Properties system;
    private final Properties dotEnv;
    private final Properties configFile;
    private final Properties packaged;

    private PrestartConfig(
            Map<String, String> env, Properties system, Properties dotEnv, Properties configFile, Properties packaged) {
        this.env = env;
        this.system = system;
        this.dotEnv = dotEnv;
        this.configFile = configFile;
        this.packaged = packaged;
    }

    static PrestartConfig load(Map<String, String> env, Properties system, Path workingDir) {
        return new PrestartConfig(
                env,
                system,
                load(workingDir.resolve(".env")),
                load(workingDir.resolve("config/application.properties")),
                loadClasspath());
    }

    /** The active profile: {@code quarkus.profile} or {@code QUARKUS_PROFILE}, else prod. */
    String profile() {
        return system.getProperty("quarkus.profile", env.getOrDefault("QUARKUS_PROFILE", "prod"));
    }

    /** The value of {@code key} from the first source that gives a non-blank one. */
    Optional<String> get(String key) {
        String envName = envName(key);
        String prodKey = "%prod." + key;
        for (String value : new String[] {
            system.getProperty(key),
            env.get(envName),
            dotEnv.getProperty(envName),
            configFile.getProperty(prodKey),
            configFile.getProperty(key),
            packaged.getProperty(prodKey),
            packaged.getProperty(key)
        }) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** The environment variable name MicroProfile Config maps to {@code key}. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                // unreadable: Quarkus will report it
            }
        }
        return properties;
    }

    private static Properties loadClasspath() {
        Properties properties = new Properties();
        try (InputStream in = PrestartConfig.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // unreadable: Quarkus will report it
        }
        return properties;
    }
}
