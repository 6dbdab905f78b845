package org.coinpilot.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests the build generates ({@code quarkus-kubernetes}, at package time: this runs after it, in the
 * integration-test phase): {@code target/kubernetes/knative.yml} holds a Knative Service that scales to zero with
 * liveness, readiness and startup probes, in-process scheduling switched off, the
 * {@code migrate} init container, and one CronJob running {@code job run NAME} per job of the configuration;
 * {@code target/kubernetes/kubernetes.yml} a Deployment with the same probes and init container (jobs in-process).
 */
class GeneratedManifestsIT {

    static final Path KNATIVE = Path.of("target/kubernetes/knative.yml");
    static final Path KUBERNETES = Path.of("target/kubernetes/kubernetes.yml");

    static List<JsonNode> knative;
    static List<JsonNode> kubernetes;

    @BeforeAll
    static void read() throws IOException {
        knative = documents(KNATIVE);
        kubernetes = documents(KUBERNETES);
    }

    @Test
    void shouldGenerateAKnativeServiceThatScalesToZeroWithProbesAndTheMigrateInitStep() {
        JsonNode service = one(knative, "Service", "serving.knative.dev/v1");
        JsonNode template = service.at("/spec/template");
        assertThat(template.at("/metadata/annotations/autoscaling.knative.dev~1min-scale")
                        .asText())
                .isEqualTo("0");
        JsonNode container = template.at("/spec/containers/0");
        assertProbesOnTheManagementPort(container);
        assertThat(env(container, "COINPILOT_JOB_RUNNER_IN_PROCESS")).isEqualTo("false");
        assertThat(env(container, "QUARKUS_FLYWAY_ACTIVE"))
                .as("Flyway stays usable by `migrate`")
                .isNull();

        JsonNode init = template.at("/spec/initContainers");
        assertThat(init.size()).isEqualTo(1);
        assertThat(init.at("/0/name").asText()).isEqualTo("migrate");
        assertThat(texts(init.at("/0/args"))).containsExactly("migrate");
        assertThat(init.at("/0/image").asText()).endsWith(CronJobManifests.IMAGE);
    }

    @Test
    void shouldGenerateOneCronJobRunningEachConfiguredJob() throws IOException {
        Set<String> configured = configuredJobs();
        List<JsonNode> cronJobs = all(knative, "CronJob");
        Set<String> run = new TreeSet<>();
        for (JsonNode cronJob : cronJobs) {
            JsonNode container = cronJob.at("/spec/jobTemplate/spec/template/spec/containers/0");
            List<String> args = texts(container.at("/args"));
            assertThat(args).hasSize(3).startsWith("job", "run");
            assertThat(cronJob.at("/spec/schedule").asText()).isNotBlank();
            assertThat(cronJob.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
            assertThat(container.at("/image").asText()).isEqualTo(CronJobManifests.IMAGE);
            assertThat(run.add(args.get(2)))
                    .as("two CronJobs run " + args.get(2))
                    .isTrue();
        }
        assertThat(configured).isNotEmpty();
        assertThat(run).isEqualTo(configured);
    }

    @Test
    void shouldGenerateAKubernetesDeploymentWithTheSameProbesAndInitStepAndNoFlywayJob() {
        JsonNode deployment = one(kubernetes, "Deployment", "apps/v1");
        JsonNode spec = deployment.at("/spec/template/spec");
        JsonNode container = spec.at("/containers/0");
        assertProbesOnTheManagementPort(container);
        assertThat(texts(spec.at("/initContainers/0/args"))).containsExactly("migrate");
        assertThat(spec.at("/initContainers").size()).isEqualTo(1);
        assertThat(env(container, "QUARKUS_FLYWAY_ACTIVE")).isNull();
        assertThat(all(kubernetes, "Job")).isEmpty();
        assertThat(all(kubernetes, "CronJob")).isEmpty();
    }

    /**
     * Each probe GETs its health endpoint on the management port (health is not served on the serving port: a probe
     * without a port, or with 8080, gets 404). Quarkus 3.33's Knative output has {@code port: null} on every probe;
     * the build's antrun step (pom.xml, {@code knative-probe-port}) puts the management port there.
     */
    static void assertProbesOnTheManagementPort(JsonNode container) {
        int managementPort = managementPort();
        for (String[] probe : new String[][] {
            {"livenessProbe", "/q/health/live"},
            {"readinessProbe", "/q/health/ready"},
            {"startupProbe", "/q/health/started"}
        }) {
            JsonNode get = container.at("/" + probe[0] + "/httpGet");
            assertThat(get.path("path").asText()).as(probe[0] + " path").isEqualTo(probe[1]);
            assertThat(get.path("port").isInt())
                    .as(probe[0] + " port is a number (was: " + get.path("port") + ")")
                    .isTrue();
            assertThat(get.path("port").asInt()).as(probe[0] + " port").isEqualTo(managementPort);
        }
    }

    /** {@code quarkus.management.port} of the packaged configuration (the management interface is on in prod). */
    static int managementPort() {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(properties.getProperty("quarkus.management.enabled")).isEqualTo("true");
        return Integer.parseInt(properties.getProperty("quarkus.management.port", "9000"));
    }

    /** The jobs with a schedule in the packaged configuration (test jobs live only in %test). */
    static Set<String> configuredJobs() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Pattern key = Pattern.compile("^coinpilot\\.jobs\\.\"([^\"]+)\"\\.(every|cron)$");
        Set<String> jobs = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            Matcher matcher = key.matcher(name);
            if (matcher.matches()) {
                jobs.add(matcher.group(1));
            }
        }
        return jobs;
    }

    static List<JsonNode> documents(Path file) throws IOException {
        assertThat(file).as("generated by the build (quarkus-kubernetes)").exists();
        ObjectMapper yaml = new YAMLMapper();
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var iterator = yaml.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode node = iterator.next();
                if (node != null && !node.isMissingNode() && !node.isNull()) {
                    documents.add(node);
                }
            }
        }
        return documents;
    }

    static List<JsonNode> all(List<JsonNode> documents, String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
    }

    static JsonNode one(List<JsonNode> documents, String kind, String apiVersion) {
        List<JsonNode> found = all(documents, kind).stream()
                .filter(d -> apiVersion.equals(d.path("apiVersion").asText()))
                .toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    static String env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText()))
                .map(e -> e.path("value").asText())
                .findFirst()
                .orElse(null);
    }

    static List<String> texts(JsonNode array) {
        if (array instanceof MissingNode) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
