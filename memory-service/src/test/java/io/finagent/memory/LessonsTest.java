package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The agent's lessons, recalled by the market they were learned in, as of an instant, weighed by their outcomes. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class LessonsTest {

    private static final String OVERBOUGHT = "{\"features\": {\"rsi_14\": 78, \"ret_5d\": 0.04}}";
    private static final String OVERSOLD = "{\"features\": {\"rsi_14\": 22, \"ret_5d\": -0.05}}";

    private final String user = "lena-" + UUID.randomUUID();

    @Test
    void aLessonLearnedInASimilarMarketComesFirstAndOneLearnedAfterAsOfNeverAppears() {
        Instant tenDaysAgo = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(10, ChronoUnit.DAYS);
        long overbought = lesson("FEEDBACK", OVERBOUGHT, tenDaysAgo.minus(1, ChronoUnit.DAYS));
        long oversold = lesson("OBSERVATION", OVERSOLD, tenDaysAgo.minus(1, ChronoUnit.DAYS));
        long later = lesson("FEEDBACK", OVERBOUGHT, tenDaysAgo.plus(1, ChronoUnit.DAYS));
        lesson("DECISION", OVERBOUGHT, tenDaysAgo.minus(2, ChronoUnit.DAYS)); // not a lesson: memories of decisions stay out

        relevant("{\"marketContext\": " + OVERBOUGHT + ", \"k\": 5, \"asOf\": \"" + tenDaysAgo + "\"}")
                .body("asOf", equalTo(tenDaysAgo.toString()))
                .body("lessons.memory.id", contains((int) overbought, (int) oversold))
                .body("lessons[0].similarity", equalTo(1.0f));
        relevant("{\"marketContext\": " + OVERSOLD + ", \"k\": 5, \"asOf\": \"" + tenDaysAgo + "\"}")
                .body("lessons.memory.id", contains((int) oversold, (int) overbought));
        relevant("{\"marketContext\": " + OVERBOUGHT + ", \"k\": 5}")
                .body("lessons.memory.id", contains((int) later, (int) overbought, (int) oversold));
    }

    @Test
    void aLessonItsOutcomesBoreOutRanksAboveOneTheyContradicted() {
        long right = lesson("FEEDBACK", OVERBOUGHT, null);
        long wrong = lesson("FEEDBACK", OVERBOUGHT, null);
        for (int i = 0; i < 4; i++) {
            outcome(cite(right), "0.02");
            outcome(cite(wrong), "-0.02");
        }
        relevant("{\"marketContext\": " + OVERBOUGHT + ", \"k\": 5}")
                .body("lessons.memory.id", contains((int) right, (int) wrong))
                .body("lessons[0].memory.successCount", equalTo(4)).body("lessons[1].memory.failureCount", equalTo(4));
    }

    @Test
    void aLessonCreditedIsRankedByItsNewEvidenceAmongAllAndAsOfBeforeByItsFormerOne() {
        long proven = lesson("FEEDBACK", OVERBOUGHT, null);
        long newest = 0;
        for (int i = 0; i < 20; i++) { // more than k + the margin the replica's shelf keeps: it must rank by evidence itself
            newest = lesson("FEEDBACK", OVERBOUGHT, null);
        }
        String one = "{\"marketContext\": " + OVERBOUGHT + ", \"k\": 1";
        relevant(one + "}").body("lessons.memory.id", contains((int) newest)); // untried alike: the newest
        Instant beforeCredits = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < 4; i++) {
            outcome(cite(proven), "0.02");
        }
        relevant(one + "}").body("lessons.memory.id", contains((int) proven)).body("lessons[0].memory.successCount", equalTo(4));
        relevant(one + ", \"asOf\": \"" + beforeCredits + "\"}").body("lessons.memory.id", contains((int) newest));
    }

    @Test
    void aLessonForAnotherSymbolStaysOutAndTheContextCarriesTheLessons() {
        long anySymbol = lesson("FEEDBACK", OVERBOUGHT, null);
        long msft = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"memoryType\": \"FEEDBACK\", \"content\": {\"text\": \"MSFT gaps\"}, \"symbol\": \"msft\", \"marketContext\": "
                        + OVERBOUGHT + "}").post("/api/v1/memories").then().statusCode(201).body("symbol", equalTo("MSFT"))
                .extract().jsonPath().getLong("id");
        relevant("{\"marketContext\": " + OVERBOUGHT + ", \"symbol\": \"AAPL\"}")
                .body("lessons.memory.id", hasItem((int) anySymbol)).body("lessons.memory.id", not(hasItem((int) msft)));
        given().header("Authorization", Tokens.bearer(Tokens.agent(user)))
                .get("/api/v1/context?feature=rsi_14:78&feature=ret_5d:0.04&symbol=AAPL").then().statusCode(200)
                .body("lessons.memory.id", hasItem((int) anySymbol)).body("lessons.memory.id", not(hasItem((int) msft)));
    }

    private long lesson(String type, String market, Instant learnedAt) {
        String body = "{\"memoryType\": \"" + type + "\", \"content\": {\"text\": \"what happened\"}, \"marketContext\": " + market
                + (learnedAt == null ? "" : ", \"learnedAt\": \"" + learnedAt + "\"") + "}";
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body(body)
                .post("/api/v1/memories").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long cite(long memory) {
        String body = Decisions.citing(Decisions.body("AAPL", "BUY", "0.6"), String.valueOf(memory), "");
        return Decisions.post(user, body).statusCode(201).extract().jsonPath().getLong("id");
    }

    private void outcome(long decision, String outcome) {
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"outcome\": " + outcome + "}").put("/api/v1/decisions/" + decision + "/outcome").then().statusCode(200);
    }

    private ValidatableResponse relevant(String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body(body)
                .post("/api/v1/memories/relevant").then().statusCode(200);
    }
}
