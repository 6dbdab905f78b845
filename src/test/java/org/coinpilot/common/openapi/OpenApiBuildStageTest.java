package org.coinpilot.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link ProblemResponsesFilter} runs at build time only: the document the build stores, and that the runtime loads and
 * serves, already holds what the filter adds, and the filter is not configured to run again over the whole document at
 * every start (as {@code mp.openapi.filter} it ran at build time and again at start-up).
 */
@QuarkusTest
class OpenApiBuildStageTest {

    /** Where Quarkus stores the build-time document for the runtime (SmallRyeOpenApiProcessor). */
    static final String STORED = "META-INF/quarkus-generated-openapi-doc.JSON";

    @Test
    void shouldNotFilterTheDocumentAgainWhenTheApplicationStarts() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("mp.openapi.filter", String.class))
                .as("a filter that SmallRye runs over the document at every start")
                .isEmpty();
        OpenApiFilter stages = ProblemResponsesFilter.class.getAnnotation(OpenApiFilter.class);
        assertThat(stages).isNotNull();
        assertThat(stages.stages()).containsExactly(OpenApiFilter.RunStage.BUILD);
    }

    @Test
    void shouldStoreTheFilteredDocumentWhenTheApplicationIsBuilt() throws IOException {
        JsonNode document;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(STORED)) {
            assertThat(in).as(STORED).isNotNull();
            document = new ObjectMapper().readTree(in);
        }
        JsonNode jobs = document.at("/paths/~1api~1v1~1admin~1jobs/get");
        assertThat(jobs.at("/responses/401/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(jobs.at("/responses/503").isMissingNode()).isFalse();
        assertThat(jobs.at("/security/0").has(ApiDefinition.BEARER_ADMIN))
                .as("the admin scheme on an admin operation")
                .isTrue();
    }
}
