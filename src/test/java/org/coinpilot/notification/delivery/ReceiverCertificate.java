package org.coinpilot.notification.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the local HTTPS webhook receiver (CN and SAN {@code localhost}), generated once per
 * build with the JDK's keytool into {@code target/webhook-receiver}: a PKCS#12 key store for the receiver and the
 * certificate as PEM for the sender's {@code coinpilot.notifications.webhook.trust-pem}.
 */
final class ReceiverCertificate {

    static final String PASSWORD = "receiver-secret";
    static final Path DIR = Path.of("target", "webhook-receiver").toAbsolutePath();
    static final Path KEY_STORE = DIR.resolve("receiver.p12");
    static final Path PEM = DIR.resolve("receiver.pem");

    private ReceiverCertificate() {}

    static synchronized void ensure() {
        if (Files.exists(KEY_STORE) && Files.exists(PEM)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            Files.deleteIfExists(KEY_STORE);
            Files.deleteIfExists(PEM);
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(
                    keytool,
                    "-genkeypair",
                    "-alias",
                    "receiver",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "30",
                    "-keystore",
                    KEY_STORE.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD));
            run(List.of(
                    keytool,
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "receiver",
                    "-keystore",
                    KEY_STORE.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-file",
                    PEM.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the receiver certificate", e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "keytool failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
