package io.finagent.portfolio;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.finagent.portfolio.PortfolioApi.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class UserTest {

    private final String subject = "uma-" + UUID.randomUUID();

    @Test
    void anAdminCreatesAUserWhoReadsItselfAndNobodyElse() {
        long id = create(subject).statusCode(201).body("preferences.theme", equalTo("dark")).extract().jsonPath().getLong("id");
        create(subject).statusCode(409).contentType(PROBLEM);
        as(Tokens.agent(subject)).get("/api/v1/users/" + id).then().statusCode(200).body("subject", equalTo(subject));
        as(Tokens.agent(subject)).get("/api/v1/users/me").then().statusCode(200).body("id", equalTo((int) id))
                .body("lastLogin", notNullValue());
        as(Tokens.agent(subject)).get("/api/v1/users").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].subject", equalTo(subject));
        as(Tokens.agent("someone-else")).get("/api/v1/users/" + id).then().statusCode(404).contentType(PROBLEM);
        as(Tokens.admin("root")).get("/api/v1/users?size=100").then().statusCode(200);
        as(Tokens.admin("root")).get("/api/v1/users/" + id).then().statusCode(200);
        as(Tokens.agent(subject)).body(Map.of("subject", "x", "username", "x")).post("/api/v1/users").then().statusCode(403);
        as(Tokens.admin("root")).body(Map.of("subject", "has space", "username", "")).post("/api/v1/users").then()
                .statusCode(400).body("errors.field", hasItem("subject")).body("errors.field", hasItem("username"));
    }

    @Test
    void settingsAreCreatedThenReplacedWithTheirTimes() {
        long id = create(subject).statusCode(201).extract().jsonPath().getLong("id");
        String path = "/api/v1/users/" + id + "/settings/risk.limits";
        String created = as(Tokens.agent(subject)).body(Map.of("maxPosition", 0.1)).put(path).then().statusCode(201)
                .body("key", equalTo("risk.limits")).extract().jsonPath().getString("createdAt");
        as(Tokens.agent(subject)).body(Map.of("maxPosition", 0.2, "symbols", List.of("AAPL"))).put(path).then().statusCode(200)
                .body("createdAt", equalTo(created));
        var setting = as(Tokens.agent(subject)).get(path).then().statusCode(200)
                .body("value.maxPosition", equalTo(0.2f)).body("value.symbols[0]", equalTo("AAPL")).extract().jsonPath();
        assertTrue(Instant.parse(setting.getString("updatedAt")).isAfter(Instant.parse(created)));
        as(Tokens.agent("someone-else")).get(path).then().statusCode(404);
        as(Tokens.agent("someone-else")).body(Map.of("a", 1)).put(path).then().statusCode(404);
        as(Tokens.agent(subject)).get("/api/v1/users/" + id + "/settings/absent").then().statusCode(404);
        as(Tokens.agent(subject)).get("/api/v1/users/" + id + "/settings/bad key").then().statusCode(400);
        as(Tokens.agent(subject)).body(List.of(1, 2)).put(path).then().statusCode(400).contentType(PROBLEM);
    }

    private io.restassured.response.ValidatableResponse create(String subject) {
        return as(Tokens.admin("root")).body(Map.of("subject", subject, "username", subject, "email", "uma@example.com",
                "preferences", Map.of("theme", "dark"))).post("/api/v1/users").then();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
    }
}
