package org.coinpilot.sector.service;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.coinpilot.sector.testing.SectorTestData;

/** Runs a job through the admin API and waits for its task record. */
final class SectorJobs {

    private SectorJobs() {}

    static JsonPath run(String job) {
        return given().header("Authorization", SectorTestData.ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("wait", true)
                .post("/api/v1/admin/jobs/{name}/runs", job)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
