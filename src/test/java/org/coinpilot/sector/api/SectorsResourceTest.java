package org.coinpilot.sector.api;

import static io.restassured.RestAssured.given;
import static org.coinpilot.sector.testing.SectorTestData.ADMIN;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.coinpilot.common.test.TestTokens;
import org.coinpilot.sector.testing.SectorTestData;
import org.junit.jupiter.api.Test;

/** Sector admin CRUD, asset memberships and their rules, the public reads and the catalogue's ?sector= filter. */
@QuarkusTest
class SectorsResourceTest {

    @Inject
    Pool pool;

    @Test
    void shouldCreateTheSectorWithADerivedSlugAndItsLocationWhenTheRequestIsValid() {
        String name = SectorTestData.unique("Layer 1 (L1) ");
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        long id = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"description\":\"Base chains\",\"characteristics\":{\"k\":1}}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/sectors/[0-9]+$"))
                .body("slug", equalTo(slug))
                .body("active", equalTo(true))
                .body("members", empty())
                .extract()
                .jsonPath()
                .getLong("id");

        given().get("/api/v1/sectors/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("name", equalTo(name))
                .body("description", equalTo("Base chains"))
                .body("characteristics.k", equalTo(1));
        given().queryParam("size", 100)
                .get("/api/v1/sectors")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void shouldAnswer409WhenTheNameOrSlugExists() {
        String name = SectorTestData.unique("DeFi ");
        SectorTestData.sector(name);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name.toUpperCase() + "\"}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("code", equalTo("SECTOR_EXISTS"));
    }

    @Test
    void shouldAnswer400NamingEachBadFieldWhenTheSectorIsInvalid() {
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"slug\":\"Not A Slug\"}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", containsInAnyOrder("name", "slug"));
    }

    @Test
    void shouldRefuseNonAdminsWhenEditingSectors() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.user(424242L)))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\"}")
                .post("/api/v1/admin/sectors")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldUpdateAndDeleteWhenTheSectorExistsAnd404Otherwise() {
        long id = SectorTestData.sector(SectorTestData.unique("Gaming "));
        String slug = given().get("/api/v1/sectors/{id}", id).then().extract().path("slug");
        String renamed = SectorTestData.unique("GameFi ");
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + renamed + "\",\"active\":false}")
                .put("/api/v1/admin/sectors/{id}", id)
                .then()
                .statusCode(200)
                .body("name", equalTo(renamed))
                .body("slug", equalTo(slug)) // kept: links and ?sector= filters stay valid
                .body("active", equalTo(false));
        given().header("Authorization", ADMIN)
                .delete("/api/v1/admin/sectors/{id}", id)
                .then()
                .statusCode(204);
        given().get("/api/v1/sectors/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("SECTOR_NOT_FOUND"));
        given().header("Authorization", ADMIN)
                .delete("/api/v1/admin/sectors/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    void shouldStoreTheAllocationsAndFilterTheCatalogueWhenTheMappingIsValid() {
        String defiName = SectorTestData.unique("DeFi ");
        long defi = SectorTestData.sector(defiName);
        long l1 = SectorTestData.sector(SectorTestData.unique("L1 "));
        String defiSlug =
                given().get("/api/v1/sectors/{id}", defi).then().extract().path("slug");
        String eth = SectorTestData.unique("ETH");
        String other = SectorTestData.unique("OTH");
        SectorTestData.asset(pool, eth, false, null, null);
        SectorTestData.asset(pool, other, false, null, null);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(l1, "60", true, defi, "40", false))
                .put("/api/v1/admin/assets/{symbol}/sectors", eth)
                .then()
                .statusCode(200)
                .body("symbol", equalTo(eth))
                .body("sectors.sectorId", contains((int) l1, (int) defi))
                .body("sectors.primary", contains(true, false))
                .body("sectors[1].allocationPercentage", equalTo("40.0000"))
                .body("totalAllocationPercentage", equalTo("100.0000"));

        given().get("/api/v1/assets/{symbol}/sectors", eth)
                .then()
                .statusCode(200)
                .body("sectors.slug[1]", equalTo(defiSlug))
                .body("sectors.allocationPercentage", contains("60.0000", "40.0000"));
        given().get("/api/v1/sectors/{id}", defi)
                .then()
                .statusCode(200)
                .body("members.symbol", contains(eth))
                .body("members[0].primary", equalTo(false));

        // the catalogue's filter: by slug (any case) and by id; the other asset is not listed
        given().queryParam("sector", defiSlug.toUpperCase())
                .queryParam("size", 100)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items.symbol", contains(eth))
                .body("totalItems", equalTo(1));
        given().queryParam("sector", String.valueOf(l1))
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items.symbol", contains(eth));
        given().queryParam("sector", "no-such-sector-" + defi)
                .get("/api/v1/assets")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(0));

        // replacing with an empty list removes every sector
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"sectors\":[]}")
                .put("/api/v1/admin/assets/{symbol}/sectors", eth)
                .then()
                .statusCode(200)
                .body("sectors", empty());
        given().queryParam("sector", defiSlug).get("/api/v1/assets").then().body("items", empty());
    }

    @Test
    void shouldAnswer400NamingSectorWhenTheRotationFilterIsNotAnId() {
        given().queryParam("sector", "defi")
                .get("/api/v1/sectors/rotations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("sector"));
        given().queryParam("sector", "987654321")
                .get("/api/v1/sectors/rotations")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void shouldAnswer400NamingSectorWhenTheFilterIsNotASlug() {
        given().queryParam("sector", "not a slug!")
                .get("/api/v1/assets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("sector"));
    }

    @Test
    void shouldAnswer422NamingTheFieldWhenAllocationsSumOver100() {
        long a = SectorTestData.sector(SectorTestData.unique("SumA "));
        long b = SectorTestData.sector(SectorTestData.unique("SumB "));
        String symbol = SectorTestData.unique("SUM");
        SectorTestData.asset(pool, symbol, false, null, null);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(a, "60", true, b, "40.5", false))
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("https://docs.coinpilot.org/problems/business-rule-violation"))
                .body("code", equalTo("SECTOR_ALLOCATION_INVALID"))
                .body("violations.field", contains("sectors"))
                .body("violations[0].message", equalTo("allocationPercentage sums to 100.5, more than 100"));
        given().get("/api/v1/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(200)
                .body("sectors", empty());
    }

    @Test
    void shouldAnswer422WhenTwoSectorsArePrimaryOrNoneIs() {
        long a = SectorTestData.sector(SectorTestData.unique("PrimA "));
        long b = SectorTestData.sector(SectorTestData.unique("PrimB "));
        String symbol = SectorTestData.unique("PRI");
        SectorTestData.asset(pool, symbol, false, null, null);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(a, "50", true, b, "50", true))
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(422)
                .body("code", equalTo("SECTOR_ALLOCATION_INVALID"))
                .body("violations.field", contains("sectors"))
                .body("violations[0].message", equalTo("exactly one sector must be primary, 2 are"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(a, "50", false, b, "50", false))
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(422)
                .body("violations[0].message", equalTo("exactly one sector must be primary, none is"));
    }

    @Test
    void shouldAnswer422NamingTheEntryWhenASectorIsUnknownOrTwice() {
        long a = SectorTestData.sector(SectorTestData.unique("UnkA "));
        String symbol = SectorTestData.unique("UNK");
        SectorTestData.asset(pool, symbol, false, null, null);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(a, "50", true, 987_654_321L, "10", false))
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(422)
                .body("code", equalTo("SECTOR_NOT_FOUND"))
                .body("violations.field", contains("sectors[1].sectorId"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(a, "50", true, a, "10", false))
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(422)
                .body("violations.field", contains("sectors[1].sectorId"));
    }

    @Test
    void shouldAnswer404WhenTheAssetIsUnknown() {
        long a = SectorTestData.sector(SectorTestData.unique("NoAsset "));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(allocations(a, "50", true, null, null, false))
                .put("/api/v1/admin/assets/{symbol}/sectors", "NOPE-" + a)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("ASSET_NOT_FOUND"));
        given().get("/api/v1/assets/{symbol}/sectors", "NOPE-" + a)
                .then()
                .statusCode(404)
                .body("code", equalTo("ASSET_NOT_FOUND"));
    }

    @Test
    void shouldAnswer400NamingTheEntryWhenOneAllocationIsOutOfRange() {
        long a = SectorTestData.sector(SectorTestData.unique("Range "));
        String symbol = SectorTestData.unique("RNG");
        SectorTestData.asset(pool, symbol, false, null, null);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"sectors\":[{\"sectorId\":" + a + ",\"allocationPercentage\":\"100.5\",\"primary\":true},"
                        + "{\"sectorId\":" + a + ",\"allocationPercentage\":\"0\"}]}")
                .put("/api/v1/admin/assets/{symbol}/sectors", symbol)
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "sectors[0].allocationPercentage",
                                "sectors[1].allocationPercentage",
                                "sectors[1].primary"));
    }

    private static String allocations(long a, String pa, boolean primaryA, Long b, String pb, boolean primaryB) {
        String first = "{\"sectorId\":" + a + ",\"allocationPercentage\":\"" + pa + "\",\"primary\":" + primaryA + "}";
        if (b == null) {
            return "{\"sectors\":[" + first + "]}";
        }
        return "{\"sectors\":[" + first + ",{\"sectorId\":" + b + ",\"allocationPercentage\":\"" + pb
                + "\",\"primary\":" + primaryB + "}]}";
    }
}
