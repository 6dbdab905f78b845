package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.coinpilot.common.test.EmbeddedPostgresResource;
import org.coinpilot.common.test.PackagedRuntimeResource;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app, prod profile) as operators run it: readiness, the management surface
 * on its own port, and the command line — the health probe, a one-off job run, migrate, version, and the refusals to
 * serve without a database or without usable token keys.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void shouldBeReadyWithTheDatabaseWhenPackaged() {
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldServeTheApiDescriptionSwaggerUiAndMetricsOnTheManagementPortOnly() {
        management()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Coinpilot API"))
                .body("paths.'/api/v1/admin/jobs'", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
        management()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("X-Frame-Options", "DENY");
        management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        // none of them on the API port
        for (String path : List.of("/q/openapi", "/q/swagger-ui/", "/q/metrics", "/q/health/ready", "/q/health")) {
            given().get(path).then().statusCode(404).header("Content-Security-Policy", containsString("'none'"));
        }
        given().get("/api/v1/assets").then().statusCode(200).header("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void shouldExitZeroWhenTheProbedServiceIsUp() throws Exception {
        Result result = cli(
                Map.of(),
                "health",
                "--url",
                "http://localhost:" + PackagedRuntimeResource.managementPort() + "/q/health/ready");
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("UP ");
    }

    @Test
    void shouldExitOneWhenNothingAnswersTheProbe() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = cli(Map.of(), "health", "--url", "http://localhost:" + closedPort + "/q/health/ready");
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).startsWith("DOWN ");
    }

    @Test
    void shouldRunOneJobAndExitWithItsStatusWhenInvokedFromTheCommandLine() throws Exception {
        Result completed = cli(EmbeddedPostgresResource.datasource(), "job", "run", "ops.health-snapshot");
        assertThat(completed.exit()).as(completed.output()).isZero();
        assertThat(completed.output())
                .contains("job ops.health-snapshot (task ")
                .contains("COMPLETED");

        Result unknown = cli(EmbeddedPostgresResource.datasource(), "job", "run", "no.such-job");
        assertThat(unknown.exit()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown job: no.such-job");
    }

    @Test
    void shouldMigrateAndPrintTheVersionWhenAsked() throws Exception {
        Result migrate = cli(EmbeddedPostgresResource.datasource(), "migrate");
        assertThat(migrate.exit()).as(migrate.output()).isZero();
        assertThat(migrate.output()).contains("schema is at version");

        Result version = cli(Map.of(), "version");
        assertThat(version.exit()).isZero();
        assertThat(version.output()).startsWith("coinpilot ");
    }

    @Test
    void shouldApplyTheMigrationsOnlyWhenMigrateRunsInProd() throws Exception {
        // the service under test started on a database migrated beforehand (the init step); it did not run Flyway
        String log = Files.readString(Path.of("target/quarkus.log"));
        assertThat(log)
                .contains("started in")
                .doesNotContain("No migration necessary")
                .doesNotContain("Successfully applied");

        Map<String, String> empty = EmbeddedPostgresResource.createDatabase();
        Result migrate = cli(empty, "migrate");
        assertThat(migrate.exit()).as(migrate.output()).isZero();
        assertThat(migrate.output()).containsPattern("applied [1-9][0-9]* migration\\(s\\)");
        Result again = cli(empty, "migrate");
        assertThat(again.output()).contains("applied 0 migration(s)");
    }

    @Test
    void shouldRefuseToStartWithoutADatabaseInProd() throws Exception {
        Result result = cli(Map.of(), "migrate");
        assertThat(result.exit()).as(result.output()).isEqualTo(78);
        assertThat(result.output()).contains("no database is configured").doesNotContain("Exception");
    }

    @Test
    void shouldRefuseToServeWithUnreadableOrMismatchedTokenKeysInProd() throws Exception {
        Map<String, String> unreadable = new HashMap<>(EmbeddedPostgresResource.datasource());
        unreadable.put("mp.jwt.verify.publickey.location", "/nonexistent/coinpilot/public.pem");
        unreadable.put("smallrye.jwt.sign.key.location", PackagedRuntimeResource.PRIVATE_KEY.toString());
        unreadable.put("quarkus.http.port", "0");
        unreadable.put("quarkus.management.port", "0");
        Result result = cli(unreadable);
        assertThat(result.exit()).as(result.output()).isEqualTo(78);
        assertThat(result.output())
                .isEqualTo("coinpilot: the verification key /nonexistent/coinpilot/public.pem"
                        + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) cannot be read." + SigningKeyCheck.HINT);

        Map<String, String> mismatched = new HashMap<>(unreadable);
        mismatched.put("mp.jwt.verify.publickey.location", PackagedRuntimeResource.PUBLIC_KEY.toString());
        mismatched.put(
                "smallrye.jwt.sign.key.location",
                Path.of("src/test/resources/keys/other-private.pem")
                        .toAbsolutePath()
                        .toString());
        Result pair = cli(mismatched);
        assertThat(pair.exit()).as(pair.output()).isEqualTo(78);
        assertThat(pair.output()).contains("are not one pair").doesNotContain("Exception");
    }

    record Result(int exit, String output) {}

    /**
     * Runs the packaged jar with {@code properties} as -D options, in a clean environment; a process still running
     * after two minutes (a service that should have refused to start) is killed and fails the test.
     */
    static Result cli(Map<String, String> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("COINPILOT_"));
        Process process = builder.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = new String(output.join(), StandardCharsets.UTF_8).trim();
        assertThat(exited).as("the process did not exit: " + text).isTrue();
        return new Result(process.exitValue(), text);
    }

    private static RequestSpecification management() {
        return given().port(PackagedRuntimeResource.managementPort());
    }
}
