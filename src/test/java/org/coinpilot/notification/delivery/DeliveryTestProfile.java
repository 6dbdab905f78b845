package org.coinpilot.notification.delivery;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Delivery against the local HTTPS receiver: its self-signed certificate is trusted through
 * {@code coinpilot.notifications.webhook.trust-pem}, {@code localhost} is an allowed private host, and a delivery gives
 * up after 3 failures.
 */
public class DeliveryTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        ReceiverCertificate.ensure();
        return Map.of(
                "coinpilot.notifications.webhook.trust-pem", ReceiverCertificate.PEM.toString(),
                "coinpilot.notifications.webhook.allowed-private-hosts", "localhost",
                "coinpilot.notifications.webhook.timeout", "PT10S",
                "coinpilot.notifications.delivery.max-attempts", "3");
    }
}
