package org.coinpilot.common.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.logging.LogRecord;
import org.coinpilot.common.test.LogCapture;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The request id (docs/operations.md, "Logs"): accepted or replaced, echoed, in every problem body and the MDC. */
@QuarkusTest
class RequestIdsTest {

    static final String PATH = "/test/problems";

    @Test
    void shouldQuoteTheSameRequestIdInHeaderAndProblemBodyWhenTheCallerSentASaneOne() {
        Response response = given().header("X-Request-Id", "client-req-0001").get(PATH + "/not-found/7");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.header("X-Request-Id")).isEqualTo("client-req-0001");
        assertThat(response.jsonPath().getString("requestId")).isEqualTo("client-req-0001");
        assertThat(response.jsonPath().getString("traceId")).isEqualTo("client-req-0001");
    }

    @Test
    void shouldGenerateOneRequestIdForHeaderAndProblemBodyWhenNoneWasSent() {
        Response response = given().get(PATH + "/rule");

        assertThat(response.statusCode()).isEqualTo(422);
        String id = response.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(response.jsonPath().getString("requestId")).isEqualTo(id);
    }

    @Test
    void shouldReplaceAnOversizedOrGarbageRequestIdWhenOneIsSent() {
        for (String garbage :
                new String[] {"x".repeat(65), "short", "has spaces in it", "abc\u00e9defgh", "a;b=c<d>e"}) {
            Response response = given().header("X-Request-Id", garbage).get(PATH + "/rule");

            String id = response.header("X-Request-Id");
            assertThat(id).as("replaced: " + garbage).isNotEqualTo(garbage).matches("[0-9a-f]{32}");
            assertThat(response.jsonPath().getString("requestId")).isEqualTo(id);
        }
    }

    @Test
    void shouldEchoTheRequestIdOnSuccessfulResponsesWhenAnswering() {
        Response response = given().header("X-Request-Id", "ok-request-42").get("/api/v1/assets");

        assertThat(response.header("X-Request-Id")).isEqualTo("ok-request-42");
    }

    @Test
    void shouldCarryTheRequestIdInTheLogMdcWhenARequestLogs() {
        try (LogCapture logs = LogCapture.install()) {
            Response response =
                    given().header("X-Request-Id", "boom-request-99").get(PATH + "/boom");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.jsonPath().getString("requestId")).isEqualTo("boom-request-99");

            LogRecord error = logs.records().stream()
                    .filter(r -> LogCapture.message(r).contains("/test/problems/boom failed"))
                    .findFirst()
                    .orElseThrow();
            assertThat(((ExtLogRecord) error).getMdc(RequestIds.MDC_KEY)).isEqualTo("boom-request-99");
        }
    }
}
