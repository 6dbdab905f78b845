package org.coinpilot.ops.api;

import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.inject.Instance;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.coinpilot.common.job.JobRun;
import org.coinpilot.common.job.JobRunner;
import org.coinpilot.common.job.JobTrigger;
import org.coinpilot.common.job.RunStatus;
import org.flywaydb.core.Flyway;

/**
 * The entry point, one artifact for every runtime shape:
 *
 * <ul>
 *   <li>no arguments: the HTTP API and the scheduler;
 *   <li>{@code health [--url U]}: probes the readiness endpoint and exits 0 (UP) or 1, without starting the
 *       application (no database, no HTTP server) — the container HEALTHCHECK;
 *   <li>{@code job run NAME [key=value ...]}: runs one job once (no HTTP server, no scheduler) and exits with
 *       its status: 0 completed, 1 failed, 3 skipped because another run holds its lock;
 *   <li>{@code migrate}: applies the Flyway migrations and exits (in prod the only place they are applied: the
 *       service does not migrate at start, so a cold start never waits for Flyway; docs/deploy.md). Flyway runs on
 *       its own JDBC datasource {@value #MIGRATIONS}, which only this command (and a start that migrates, in dev, demo
 *       and tests) activates: the service itself creates neither that pool nor the Flyway bean;
 *   <li>{@code version}: prints the version.
 * </ul>
 *
 * <p>In the prod profile, {@code serve}, {@code job} and {@code migrate} refuse to start without a database
 * URL, with one clear message and exit code 78 ({@link DatabaseUrlCheck}); {@code serve} likewise without usable token
 * keys ({@link SigningKeyCheck}).
 */
@QuarkusMain
public class CoinpilotMain implements QuarkusApplication {

    static final int EXIT_USAGE = 2;
    static final int EXIT_SKIPPED = 3;

    /** The JDBC datasource (and Flyway configuration) of the migrations: {@code quarkus.datasource.migrations.*}. */
    static final String MIGRATIONS = "migrations";

    private final JobRunner runner;
    private final Instance<Flyway> flyway;

    /**
     * {@code flyway} is resolved only by {@code migrate}: creating the bean builds Flyway's configuration and the JDBC
     * pool, which {@code serve} and {@code job} never need (and, in prod, the datasource is inactive for them).
     */
    public CoinpilotMain(JobRunner runner, @FlywayDataSource(MIGRATIONS) Instance<Flyway> flyway) {
        this.runner = runner;
        this.flyway = flyway;
    }

    public static void main(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (command.equals("serve") || command.equals("job") || command.equals("migrate")) {
            PrestartConfig config = PrestartConfig.load(System.getenv(), System.getProperties(), Path.of(""));
            if (!DatabaseUrlCheck.satisfied(config)) {
                System.err.println(DatabaseUrlCheck.MESSAGE);
                System.exit(DatabaseUrlCheck.EXIT_CONFIG);
            }
            if (command.equals("serve")) {
                SigningKeyCheck.problem(config).ifPresent(problem -> {
                    System.err.println(problem);
                    System.exit(DatabaseUrlCheck.EXIT_CONFIG);
                });
            }
        }
        switch (command) {
            case "serve" -> Quarkus.run(CoinpilotMain.class, args);
            case "health" -> System.exit(HealthProbe.run(Arrays.copyOfRange(args, 1, args.length), System.out));
            case "version" -> {
                System.out.println("coinpilot " + Version.current());
                System.exit(0);
            }
            case "job", "migrate" -> {
                if (command.equals("job") && (args.length < 3 || !args[1].equals("run"))) {
                    usage(System.err);
                    System.exit(EXIT_USAGE);
                }
                // a one-off command: no HTTP listener and no scheduled jobs
                System.setProperty("quarkus.http.host-enabled", "false");
                System.setProperty("quarkus.scheduler.enabled", "false");
                if (command.equals("migrate")) {
                    // the migrations' JDBC datasource is active only where Flyway migrates at start (not in prod)
                    System.setProperty("quarkus.datasource." + MIGRATIONS + ".active", "true");
                }
                Quarkus.run(CoinpilotMain.class, args);
            }
            case "help", "--help", "-h" -> {
                usage(System.out);
                System.exit(0);
            }
            default -> {
                System.err.println("unknown command: " + command);
                usage(System.err);
                System.exit(EXIT_USAGE);
            }
        }
    }

    @Override
    public int run(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        return switch (command) {
            case "job" -> runJob(args[2], parseParams(Arrays.copyOfRange(args, 3, args.length)));
            case "migrate" -> migrate(flyway.get(), System.out);
            default -> {
                Quarkus.waitForExit();
                yield 0;
            }
        };
    }

    /**
     * Explicit: the prod profile does not migrate at start (quarkus.flyway.migrate-at-start=false there); in the other
     * profiles start-up already did, and this finds nothing to apply.
     */
    static int migrate(Flyway flyway, PrintStream out) {
        var result = flyway.migrate();
        out.println("applied " + result.migrationsExecuted + " migration(s)");
        var info = flyway.info().current();
        out.println("schema is at version " + (info == null ? "none" : info.getVersion()));
        return 0;
    }

    private int runJob(String name, Map<String, Object> params) {
        if (runner.job(name).isEmpty()) {
            System.err.println("unknown job: " + name + "; known jobs: "
                    + String.join(
                            ", ", runner.jobs().stream().map(j -> j.name()).toList()));
            return EXIT_USAGE;
        }
        try {
            JobRun run = VertxContextSupport.subscribeAndAwait(() -> runner.run(name, JobTrigger.CLI, params));
            System.out.println("job " + name + " (task " + run.taskId() + "): " + run.status()
                    + (run.error() == null ? "" : " - " + run.error())
                    + (run.result() == null ? "" : " " + run.result()));
            return run.status() == RunStatus.COMPLETED ? 0 : run.status() == RunStatus.SKIPPED ? EXIT_SKIPPED : 1;
        } catch (Throwable e) {
            System.err.println("job " + name + " could not run: " + e.getMessage());
            return 1;
        }
    }

    static Map<String, Object> parseParams(String[] pairs) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("job parameters are key=value, got: " + pair);
            }
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: coinpilot [command]
                  (no command)              serve the HTTP API and run scheduled jobs
                  health [--url URL]        exit 0 when the readiness endpoint answers UP, 1 otherwise
                                            (default URL: $COINPILOT_HEALTH_URL or
                                             http://localhost:${QUARKUS_MANAGEMENT_PORT:-9000}/q/health/ready)
                  job run NAME [k=v ...]    run one job once; exit 0 completed, 1 failed, 3 skipped
                  migrate                   apply the database migrations and exit
                  version                   print the version""");
    }
}
