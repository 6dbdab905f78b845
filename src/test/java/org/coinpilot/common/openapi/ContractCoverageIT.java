package org.coinpilot.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The contract test's coverage: after the unit and {@code @QuarkusTest} suites ran (surefire, before this failsafe
 * test), every operation of {@code docs/openapi.yaml} must have had at least one real response validated against the
 * document by {@link ContractValidationFilter}. Writes {@code target/contract/coverage.txt}: per operation, the
 * statuses validated and the declared ones no test produced.
 *
 * <p>Skipped when surefire ran only some tests ({@code -Dtest=…}), whose record covers only those.
 */
class ContractCoverageIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void shouldHaveValidatedEveryOperationOfTheDocumentWhenTheSuitesRan() throws IOException {
        String selection = System.getProperty("contract.test-selection", "");
        assumeTrue(
                selection.isBlank() || selection.startsWith("${"),
                "surefire ran a selection of tests (-Dtest=" + selection + "); coverage is judged on the full suite");
        assertThat(ContractValidationFilter.RECORD)
                .as("no record of validated responses: did the @QuarkusTest suites run?")
                .exists();

        Map<String, Set<String>> validated = new TreeMap<>();
        for (String line : Files.readAllLines(ContractValidationFilter.RECORD, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                int status = line.lastIndexOf(' ');
                validated
                        .computeIfAbsent(line.substring(0, status), k -> new TreeSet<>())
                        .add(line.substring(status + 1));
            }
        }

        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("docs/openapi.yaml").toFile());
        List<String> missing = new ArrayList<>();
        StringBuilder report =
                new StringBuilder("operation | statuses validated | declared, never produced by a test\n");
        int operations = 0;
        int declared = 0;
        int produced = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                Set<String> statuses = validated.getOrDefault(operation, Set.of());
                Set<String> notProduced = new TreeSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    if (!statuses.contains(status)) {
                        notProduced.add(status);
                    }
                });
                declared += op.getValue().path("responses").size();
                produced += op.getValue().path("responses").size() - notProduced.size();
                if (statuses.isEmpty()) {
                    missing.add(operation);
                }
                report.append(operation)
                        .append(" | ")
                        .append(String.join(" ", statuses))
                        .append(" | ")
                        .append(String.join(" ", notProduced))
                        .append('\n');
            }
        }
        report.append(operations - missing.size())
                .append(" of ")
                .append(operations)
                .append(" operations validated; ")
                .append(produced)
                .append(" of ")
                .append(declared)
                .append(" declared responses produced by a test\n");
        Files.writeString(ContractValidationFilter.RECORD.resolveSibling("coverage.txt"), report);
        System.out.println(report);

        assertThat(missing)
                .as("operations of docs/openapi.yaml that no test called (or whose responses were not validated); "
                        + "see target/contract/coverage.txt")
                .isEmpty();
    }
}
