package org.coinpilot.ops.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HTTP surface every response shares: security headers (API, problems, unknown paths, Swagger UI) and how
 * requests are named in the metrics. (Dev mode and tests serve /q/* on the API port; the packaged application serves
 * them on the management port: PackagedApplicationIT.)
 */
@QuarkusTest
class HttpSurfaceTest {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Test
    void shouldSendTheSecurityHeadersWhenAnsweringTheApiAProblemOrAnUnknownPath() {
        for (Response response : new Response[] {
            given().get("/api/v1/assets"),
            given().get("/api/v1/assets/NO-SUCH-ASSET"),
            given().get("/api/v1/no-such-resource"),
            given().get("/q/openapi"),
            given().get("/.well-known/jwks.json")
        }) {
            response.then()
                    .header("Strict-Transport-Security", "max-age=31536000")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", API_CSP);
            assertThat(response.headers().getValues("Content-Security-Policy")).hasSize(1);
        }
    }

    @Test
    void shouldLetSwaggerUiRunItsOwnScriptsAndStylesButNothingFromElsewhere() {
        Response page = given().get("/q/swagger-ui/");
        page.then().statusCode(200).header("X-Frame-Options", "DENY");
        assertThat(page.headers().getValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp -> assertThat(csp)
                        .contains("default-src 'none'")
                        .contains("script-src 'self' 'unsafe-inline'")
                        .contains("style-src 'self' 'unsafe-inline'")
                        .contains("connect-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("*"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldRecordUnroutedRequestsUnderOneFixedUriTagWhenManyRandomPathsArrive() {
        String marker = "zz" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 120; i++) {
            // a path of a PUT/DELETE-only resource with another method: 405, matched by no resource method
            given().get("/api/v1/admin/assets/" + marker + i)
                    .then()
                    .statusCode(405)
                    .body("code", equalTo("METHOD_NOT_ALLOWED"));
            given().get("/api/v1/" + marker + i).then().statusCode(404);
        }
        // an endpoint first called after the flood is still recorded under its template
        given().get("/api/v1/assets/{symbol}/candles/", marker).then().statusCode(404);
        given().get("/api/v1/assets").then().statusCode(200);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(marker);
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"405\"[^}]*"
                        + "uri=\"/UNMATCHED\"[^}]*} 1[2-9][0-9]\\.0")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"NOT_FOUND\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/assets\"");
        given().get("/q/metrics").then().body(containsString("uri=\"/api/v1/assets/{symbol}/candles\""));
    }
}
