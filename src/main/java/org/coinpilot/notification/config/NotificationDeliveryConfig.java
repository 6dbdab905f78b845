package org.coinpilot.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Delivery of notifications to external channels (webhook, email): {@code coinpilot.notifications.webhook.*} and
 * {@code coinpilot.notifications.delivery.*}. See docs/notification-delivery.md.
 */
@ConfigMapping(prefix = "coinpilot.notifications")
public interface NotificationDeliveryConfig {

    /** Outbound webhooks. */
    Webhook webhook();

    /** The outbox: batches, lease, retries. */
    Delivery delivery();

    interface Webhook {
        /**
         * Host names (as written in the URL, case-insensitive) or IP literals that may be private or loopback,
         * e.g. an internal receiver the operator trusts. Empty by default: every private address is refused.
         */
        Optional<List<String>> allowedPrivateHosts();

        /**
         * A PEM file of certificates to trust for webhook HTTPS (e.g. a self-signed test receiver, or an internal
         * CA). Absent: the JVM's default trust store. There is no trust-all option.
         */
        Optional<String> trustPem();

        /** Longest wait for a receiver to answer one attempt (connect and response). */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Delivery {
        /** Released notifications fanned out into outbox rows per run. */
        @WithDefault("1000")
        @Min(1)
        @Max(100000)
        int fanOutBatch();

        /** Deliveries claimed and sent per run. */
        @WithDefault("200")
        @Min(1)
        @Max(10000)
        int sendBatch();

        /** Sends in flight at once within a run. */
        @WithDefault("8")
        @Min(1)
        @Max(256)
        int concurrency();

        /**
         * How long a claimed delivery stays invisible to other runs; if the run dies it becomes due again after
         * this. Must be well above the webhook timeout.
         */
        @WithDefault("PT5M")
        Duration lease();

        /** Failed attempts after which a delivery is given up (status gave_up). */
        @WithDefault("6")
        @Min(1)
        @Max(50)
        int maxAttempts();

        /** Wait after the first failure. */
        @WithDefault("PT30S")
        Duration backoffBase();

        /** Each further failure multiplies the wait by this. */
        @WithDefault("4")
        @DecimalMin("1.0")
        double backoffFactor();

        /** Longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration backoffCap();
    }
}
