package org.coinpilot.common.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed API description {@code docs/openapi.yaml} must equal what the code generates, so that a change
 * to the API cannot land without its description. To accept a change: {@code ./mvnw test
 * -Dtest=OpenApiDocumentTest -Dopenapi.update=true}, then review and commit {@code docs/openapi.yaml}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");

    @Test
    void shouldMatchTheCommittedDocumentWhenTheApiIsGenerated() throws IOException {
        String generated = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        Path actual = Path.of("target/openapi-generated.yaml");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, generated, StandardCharsets.UTF_8);
        assertThat(Files.exists(COMMITTED))
                .as("docs/openapi.yaml is missing; run ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true")
                .isTrue();
        assertThat(generated)
                .as("docs/openapi.yaml is out of date (generated: target/openapi-generated.yaml); run "
                        + "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true and commit it")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void shouldDescribeBearerSecurityAndProblemErrorsWhenServed() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas.Problem", notNullValue())
                .body("paths.'/api/v1/admin/jobs'.get.security[0].bearer", notNullValue())
                .body(
                        "paths.'/api/v1/admin/jobs'.get.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(
                        "paths.'/api/v1/admin/tasks'.get.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void shouldServeSwaggerUiWhenRequested() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
