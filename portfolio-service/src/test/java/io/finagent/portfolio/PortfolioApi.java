package io.finagent.portfolio;

import io.finagent.platform.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The portfolio endpoints as one user calls them, with amounts read back exactly (BigDecimal, never float). */
final class PortfolioApi {

    static final String PROBLEM = "application/problem+json";

    private final String user;

    PortfolioApi(String user) {
        this.user = user;
    }

    String user() {
        return user;
    }

    RequestSpecification request() {
        return given().config(RestAssured.config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json");
    }

    long open(String capital, String method) {
        return open(Map.of("name", "paper", "initialCapital", new BigDecimal(capital), "accountingMethod", method))
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    ValidatableResponse open(Map<String, Object> body) {
        return request().body(body).post("/api/v1/portfolios").then();
    }

    ValidatableResponse post(long portfolio, Map<String, Object> body) {
        return request().body(body).post("/api/v1/portfolios/" + portfolio + "/transactions").then();
    }

    JsonPath buy(long portfolio, String quantity, String price, String commission) {
        return trade(portfolio, "BUY", quantity, price, commission);
    }

    JsonPath sell(long portfolio, String quantity, String price, String commission) {
        return trade(portfolio, "SELL", quantity, price, commission);
    }

    JsonPath trade(long portfolio, String type, String quantity, String price, String commission) {
        return post(portfolio, Map.of("type", type, "symbol", "ACME", "quantity", new BigDecimal(quantity),
                "price", new BigDecimal(price), "commission", new BigDecimal(commission)))
                .statusCode(201).extract().jsonPath();
    }

    /** Posts one price of a symbol at an instant. */
    ValidatableResponse price(Instant at, String symbol, String price) {
        return request().body(Map.of("at", at.toString(), "prices", List.of(Map.of("symbol", symbol, "price", new BigDecimal(price)))))
                .post("/api/v1/prices").then();
    }

    JsonPath report(long portfolio) {
        return request().get("/api/v1/portfolios/" + portfolio).then().statusCode(200).extract().jsonPath();
    }

    /** Equal as numbers: 75 is 75.00000000. */
    static void assertAmount(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                () -> "expected " + expected + " but was " + actual);
    }
}
