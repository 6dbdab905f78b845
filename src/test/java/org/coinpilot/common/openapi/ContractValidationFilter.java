package org.coinpilot.common.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The contract test: validates every response that a test receives through RestAssured against the OpenAPI document
 * the application under test serves ({@code /q/openapi}), and fails that test when the response breaks it — a status
 * the operation does not declare, a body that does not match its schema (a null where the document says non-null, a
 * field of the wrong type, a missing required field, an unknown field, a value outside a declared limit), a content
 * type it does not declare.
 *
 * <p>Installed on every {@code @QuarkusTest} by {@link ContractValidationCallback}, so the suites that exercise the
 * endpoints (their successes and their problems) are the contract test. Requests are not validated: tests send bad
 * input on purpose, and the request side is covered by Bean Validation and the limit tests. Calls to paths the
 * document does not describe (health, metrics, test probes, unknown paths) are not validated either.
 *
 * <p>Each validated (operation, status) is appended to {@link #RECORD}; {@code ContractCoverageIT} then checks that
 * every operation of the document was validated at least once.
 */
public final class ContractValidationFilter implements Filter {

    /** Where validated interactions are recorded, one {@code METHOD path-template status} a line. */
    static final Path RECORD = Path.of("target/contract/validated-operations.txt");

    /** JVM-wide (across Quarkus class loaders, which each load this class anew): the record was started. */
    private static final String RECORD_STARTED = "coinpilot.contract.record-started";

    /** The validator of the document of the application at each base URI (one a run, but for test profiles). */
    private final Map<String, Optional<OpenApiInteractionValidator>> validators = new ConcurrentHashMap<>();

    ContractValidationFilter() {
        startRecord();
    }

    private static OpenApiInteractionValidator validator(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // tests send invalid requests on purpose; only what the server answers is checked
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withDefaultLevel(ValidationReport.Level.ERROR)
                        .build())
                .withCustomResponseValidation(ContractValidationFilter::record)
                .build();
    }

    /**
     * The document served at {@code baseUri} (e.g. {@code http://localhost:8081}); empty where that application
     * serves none on its API port (the packaged application of the integration tests serves it on the management
     * port only). ContractCoverageIT fails should that leave every operation unvalidated.
     */
    private static Optional<String> servedDocument(String baseUri) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/q/openapi?format=json"))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public io.restassured.response.Response filter(
            FilterableRequestSpecification requestSpec,
            FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        io.restassured.response.Response response = ctx.next(requestSpec, responseSpec);
        URI target = URI.create(requestSpec.getURI());
        String baseUri = target.getScheme() + "://" + target.getAuthority();
        Optional<OpenApiInteractionValidator> validator = validators.computeIfAbsent(
                baseUri, uri -> servedDocument(uri).map(ContractValidationFilter::validator));
        if (validator.isEmpty()) {
            return response;
        }
        ValidationReport report =
                validator.get().validate(RestAssuredRequest.of(requestSpec), RestAssuredResponse.of(response));
        if (report.hasErrors()) {
            String body = response.asString();
            String failure = "The response breaks the OpenAPI document (docs/openapi.yaml): "
                    + requestSpec.getMethod() + " " + requestSpec.getDerivedPath() + " answered "
                    + response.statusCode() + "\n"
                    + report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "  - [" + m.getKey() + "] " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\n  body: " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
            throw new AssertionError(failure);
        }
        return response;
    }

    private static ValidationReport record(Response response, ApiOperation operation) {
        append(
                RECORD,
                operation.getMethod() + " " + operation.getApiPath().original() + " " + response.getStatus() + "\n");
        return ValidationReport.empty();
    }

    private static void append(Path file, String text) {
        synchronized (System.class) {
            try {
                Files.writeString(
                        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Truncates the record once per JVM (a test run), however many Quarkus applications the run starts. */
    private static void startRecord() {
        synchronized (System.class) {
            if (System.getProperty(RECORD_STARTED) != null) {
                return;
            }
            try {
                Files.createDirectories(RECORD.getParent());
                Files.writeString(RECORD, "", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(RECORD_STARTED, "true");
        }
    }
}
