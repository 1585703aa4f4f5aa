package io.finagent.cache;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The floor bin/bench cache measures the reads against: turned on, it does the reads' token and role check, and nothing else. */
@QuarkusTest
@TestProfile(BenchFloorTest.FloorOn.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BenchFloorTest {

    public static class FloorOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("finagent.cache.bench-floor", "true");
        }
    }

    @Test
    void theFloorChecksTheTokenAndTheRoleAndAnswersAConstant() {
        given().get("/api/v1/floor").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.withRole("floor-user", "viewer"))).get("/api/v1/floor")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.agent("floor-user"))).get("/api/v1/floor")
                .then().statusCode(200).contentType("application/json").body(equalTo("{}"));
    }
}
