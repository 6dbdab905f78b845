package org.coinpilot.ops.api;

/**
 * The {@code health} probe as a plain {@code main}, for container HEALTHCHECKs and exec probes that must cost as little as
 * possible: {@code java -cp /deployments/app/* org.coinpilot.ops.api.HealthCheck [--url URL]} loads this class and the
 * JDK's HTTP client only — no Quarkus runner class loader, no application model — and exits 0 when the readiness
 * endpoint answers UP, 1 otherwise, exactly like {@code quarkus-run.jar health} ({@link HealthProbe}).
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String... args) {
        System.exit(HealthProbe.run(args, System.out));
    }
}
