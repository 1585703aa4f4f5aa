package io.finagent.memory;

import io.finagent.platform.testing.Tokens;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;

/** Test helper: decision bodies and calls as the agent makes them. */
final class Decisions {

    private Decisions() {
    }

    static String body(String symbol, String type, String confidence) {
        return """
                {"strategyId": 7, "symbol": "%s", "decisionType": "%s", "confidence": %s,
                 "reasoning": "momentum and volume agree",
                 "marketContext": {"features": {"ret_5d": 0.021, "volatility_20d": 0.18, "rsi_14": 61.5, "volume_ratio": 1.4},
                                   "notes": {"regime": "trending"}},
                 "horizonMinutes": 60}
                """.formatted(symbol, type, confidence);
    }

    /** The same body, citing these lessons and patterns of the user's. */
    static String citing(String body, String memoryIds, String patternIds) {
        return body.replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, \"citedMemoryIds\": [" + memoryIds
                + "], \"citedPatternIds\": [" + patternIds + "]");
    }

    static ValidatableResponse post(String user, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .contentType("application/json").body(body)
                .when().post("/api/v1/decisions").then();
    }

    static long record(String user, String symbol) {
        return post(user, body(symbol, "BUY", "0.72")).statusCode(201).extract().jsonPath().getLong("id");
    }
}
