package org.coinpilot.ops.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from {@code coinpilot-version.properties} (filtered by Maven). */
final class Version {

    private Version() {}

    static String current() {
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream("coinpilot-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
