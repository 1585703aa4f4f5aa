package io.finagent.cache;

import io.finagent.platform.contracts.ExportBodies;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** After a restore of L3, L1 and L2 serve the restored values, not the ones the restore undid. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheRestoreTest {

    private final String user = "vera-" + UUID.randomUUID();

    @Test
    void aRestoreEmptiesTheUpperLevelsSoTheRestoredValueIsServed() throws IOException {
        as().body("\"before\"").put("/api/v1/cache/quote:AAPL?levels=L1,L2,L3").then().statusCode(200);
        byte[] full = given().header("Authorization", Tokens.bearer(Tokens.admin("backup-service"))).get("/api/v1/backup/export")
                .then().statusCode(200).extract().asByteArray();
        as().body("\"after\"").put("/api/v1/cache/quote:AAPL?levels=L1,L2,L3").then().statusCode(200);
        assertEquals("\"after\"", as().get("/api/v1/cache/quote:AAPL").then().statusCode(200).header("X-Cache-Level", "L1").extract().asString());

        given().header("Authorization", Tokens.bearer(Tokens.admin("backup-service"))).contentType("application/octet-stream")
                .body(ExportBodies.chain(full)).post("/api/v1/backup/import").then().statusCode(200);

        assertEquals("\"before\"", as().get("/api/v1/cache/quote:AAPL").then().statusCode(200).header("X-Cache-Level", "L3").extract().asString());
    }

    private RequestSpecification as() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }
}
