package io.finagent.cache;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The reads are reactive routes, not resources: they keep the resources' rules on tokens, roles, parameters and problems. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheReadRoutesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String[] READS = {"/api/v1/cache/quote", "/api/v1/market-data/AAPL/daily_price", "/api/v1/analyses/AAPL/momentum"};

    private final String user = "rita-" + UUID.randomUUID();

    @Test
    void aReadWithoutAValidTokenIs401AndWithoutTheRoleIs403() {
        for (String read : READS) {
            given().get(read).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            given().header("Authorization", "Bearer not-a-token").get(read).then().statusCode(401).contentType(PROBLEM);
            given().header("Authorization", Tokens.bearer(Tokens.withRole(user, "viewer"))).get(read).then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void theBenchmarksFloorIsOffUnlessTheBenchTurnsItOn() {
        as().get("/api/v1/floor").then().statusCode(404);
        given().get("/q/openapi?format=json").then().body("paths.'/api/v1/floor'", nullValue());
    }

    @Test
    void badParametersAre4xxProblemsNamingTheField() {
        as().get("/api/v1/cache/" + "k".repeat(401)).then().statusCode(413).contentType(PROBLEM).body("errors.field", hasItem("key"));
        as().get("/api/v1/market-data/AA%20PL/daily_price").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("symbol"));
        as().get("/api/v1/market-data/AAPL/tick_by_tick").then().statusCode(400).body("errors.field", hasItem("dataType"));
        as().get("/api/v1/market-data/AAPL/daily_price?timeframe=1%20day").then().statusCode(400).body("errors.field", hasItem("timeframe"));
        as().get("/api/v1/analyses/AAPL/mo%20mentum").then().statusCode(400).body("errors.field", hasItem("strategy"));
        as().get("/api/v1/analyses/AAPL/momentum?maxAge=soon").then().statusCode(400).body("errors.field", hasItem("maxAge"));
        as().get("/api/v1/analyses/AAPL/momentum?maxAge=-5").then().statusCode(400).body("errors.field", hasItem("maxAge"));
        as().get("/api/v1/cache/never-written").then().statusCode(404).contentType(PROBLEM).body("detail", containsString("never-written"));
    }

    /** Found by bin/fuzz (seed 20261204): the read routes are not JAX-RS, so they check for U+0000 themselves, with the platform's rule. */
    @Test
    void theCharacterU0000InAReadsPathOrQueryIs400NamingTheParameter() {
        as().urlEncodingEnabled(false).get("/api/v1/cache/a%00b?lease=true").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("key"));
        as().urlEncodingEnabled(false).get("/api/v1/cache/%00").then().statusCode(400).body("errors.field", hasItem("key"));
        as().urlEncodingEnabled(false).get("/api/v1/analyses/AAPL/momentum?note=a%00").then().statusCode(400)
                .body("errors.field", hasItem("note"));
    }

    @Test
    void theStatsResourceIsNotTakenForAKey() {
        as().get("/api/v1/cache/stats").then().statusCode(200).body("levels", notNullValue()).body("reads", notNullValue());
    }

    @Test
    void theReadsAreInTheOpenApiDocument() {
        for (String path : new String[]{"/api/v1/cache/{key}", "/api/v1/market-data/{symbol}/{dataType}", "/api/v1/analyses/{symbol}/{strategy}"}) {
            given().get("/q/openapi?format=json").then().body("paths.'" + path + "'.get.responses.'200'", notNullValue())
                    .body("paths.'" + path + "'.get.responses.'204'", nullValue())
                    .body("paths.'" + path + "'.put", notNullValue());
        }
    }

    private RequestSpecification as() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user)));
    }
}
