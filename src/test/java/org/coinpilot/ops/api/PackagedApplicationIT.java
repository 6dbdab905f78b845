package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.coinpilot.common.test.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app, prod profile) as operators run it: readiness, the API
 * description, and the command line — the health probe, a one-off job run, migrate and version.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void shouldBeReadyWithTheDatabaseWhenPackaged() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldServeTheApiDescriptionAndSwaggerUiInProd() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Coinpilot API"))
                .body("paths.'/api/v1/admin/jobs'", notNullValue())
                .body("components.securitySchemes.bearer", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldExitZeroWhenTheProbedServiceIsUp() throws Exception {
        Result result = cli(Map.of(), "health", "--url", "http://localhost:" + RestAssured.port + "/q/health/ready");
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
    void shouldRefuseToStartWithoutADatabaseInProd() throws Exception {
        Result result = cli(Map.of(), "migrate");
        assertThat(result.exit()).as(result.output()).isEqualTo(78);
        assertThat(result.output()).contains("no database is configured").doesNotContain("Exception");
    }

    record Result(int exit, String output) {}

    /** Runs the packaged jar with {@code properties} as -D options, in a clean environment. */
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
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).trim());
    }
}
