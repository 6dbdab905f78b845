package org.coinpilot.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Map;
import org.coinpilot.common.problem.JsonInputException;
import org.coinpilot.common.problem.Problem;
import org.junit.jupiter.api.Test;

/** The input rules of the application's JSON mapper, without Quarkus. */
class InputJsonFactoryTest {

    record Event(String name, Instant at) {}

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper(new InputJsonFactory());
        mapper.registerModule(new JavaTimeModule());
        new InstantBounds().customize(mapper);
        return mapper;
    }

    @Test
    void shouldNameTheFieldWhenAnInstantIsOutOfRange() throws Exception {
        for (String at : new String[] {"+999999999-12-31T23:59:59Z", "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> mapper().readValue("{\"at\":\"" + at + "\"}", Event.class))
                    .as(at)
                    .hasRootCauseInstanceOf(JsonInputException.class)
                    .extracting(e -> ((JsonInputException) e.getCause()).violation())
                    .isEqualTo(new Problem.Violation("at", "body", InstantBounds.MESSAGE));
        }
        assertThat(mapper().readValue("{\"at\":\"0001-01-01T00:00:00Z\"}", Event.class)
                        .at())
                .isEqualTo(InstantBounds.MIN);
    }

    @Test
    void shouldReadTreesAndMapsWhenTheInputIsClean() throws Exception {
        ObjectMapper mapper = mapper();
        JsonNode tree = mapper.readTree("{\"a\":[\"x\",{\"b\":\"y\"}]}");
        assertThat(tree.path("a").path(1).path("b").asText()).isEqualTo("y");
        assertThat(mapper.readValue("{\"k\":\"v\"}", Map.class)).containsEntry("k", "v");
        assertThat(mapper.copy().getFactory()).isInstanceOf(InputJsonFactory.class);
    }
}
