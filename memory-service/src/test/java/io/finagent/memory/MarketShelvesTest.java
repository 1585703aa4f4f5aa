package io.finagent.memory;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lessons', episodes' and patterns' markets a replica holds follow PostgreSQL: rows another
 * replica wrote (here: written straight to the table) are compared by the next call, a pattern's
 * new record replaces its former one, removed rows leave,
 * and a restore, which silences the removal triggers, is seen through data_restores.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MarketShelvesTest {

    private static final String MARKET = "{\"rsi_14\": 71, \"ret_5d\": 0.03}";
    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "rhea-" + UUID.randomUUID();

    @Test
    void aLessonAnotherReplicaWroteIsComparedByTheNextCall() {
        long own = lessonOverRest("{\"rsi_14\": 40}");
        lessons().body("lessons.memory.id", contains((int) own)); // the shelf is loaded now
        long other = db.count("INSERT INTO ai_memory (user_id, memory_type, content, features) VALUES ('" + user
                + "', 'FEEDBACK', '{}', '" + MARKET + "') RETURNING id");
        lessons().body("lessons.memory.id", contains((int) other, (int) own));
    }

    @Test
    void aPatternCreditedIsRankedByItsNewRecordOnTheNextCallAndAsOfBeforeByItsFormerOne() {
        long first = pattern();
        long second = pattern();
        patterns("").body("patterns.pattern.id", contains((int) second, (int) first)); // equal records: the newest first
        Instant beforeCredits = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                    .body("{\"outcome\": 0.02}").post("/api/v1/patterns/" + first + "/observations").then().statusCode(200);
        }
        patterns("").body("patterns.pattern.id", contains((int) first, (int) second))
                .body("patterns[0].pattern.occurrences", equalTo(3));
        patterns(", \"asOf\": \"" + beforeCredits + "\"").body("patterns.pattern.id", contains((int) second, (int) first))
                .body("patterns[1].pattern.occurrences", equalTo(0));
    }

    @Test
    void aRemovedEpisodeLeavesAndARestoreIsSeen() {
        long near = episodeInSql(MARKET);
        long far = episodeInSql("{\"rsi_14\": 30, \"ret_5d\": -0.04}");
        episodes().body("episodes.episode.id", contains((int) near, (int) far));
        db.execute("DELETE FROM episodes WHERE id = " + near);
        episodes().body("episodes.episode.id", contains((int) far));

        // as a restore writes: with the triggers of replication silenced, then recorded
        long restored = episodeInSql(MARKET);
        episodes().body("episodes.episode.id", contains((int) restored, (int) far));
        db.execute("BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM episodes WHERE id = " + restored
                + "; INSERT INTO data_restores (tables) VALUES ('{episodes}'); COMMIT");
        episodes().body("episodes.episode.id", not(hasItem((int) restored))).body("episodes.episode.id", contains((int) far));
    }

    @Test
    void aRestoredRowKeepsItsGenerationAndNoLaterRowTakesIt() {
        long first = episodeInSql(MARKET);
        long generation = db.count("SELECT generation FROM episodes WHERE id = " + first);
        assertEquals(generation, db.count("SELECT generation FROM market_generations WHERE user_id = '" + user + "' AND kind = 'episode'"));
        db.execute("BEGIN; SET LOCAL session_replication_role = replica; INSERT INTO episodes (user_id, symbol, started_at, ended_at, features, generation)"
                + " VALUES ('" + user + "', 'SPY', now() - interval '2 days', now() - interval '1 day', '{}', " + (generation + 100) + "); COMMIT");
        long next = episodeInSql(MARKET);
        assertEquals(generation + 101, db.count("SELECT generation FROM episodes WHERE id = " + next));
    }

    private long lessonOverRest(String features) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"memoryType\": \"FEEDBACK\", \"content\": {\"text\": \"faded the move\"}, \"marketContext\": {\"features\": "
                        + features + "}}")
                .post("/api/v1/memories").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long pattern() {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body("{\"patternType\": \"breakout\", \"patternName\": \"range\", \"patternData\": {\"features\": " + MARKET + "}}")
                .post("/api/v1/patterns").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private ValidatableResponse patterns(String more) {
        return post("/api/v1/patterns/relevant", "{\"marketContext\": {\"features\": " + MARKET + "}, \"k\": 5" + more + "}");
    }

    private long episodeInSql(String features) {
        return db.count("INSERT INTO episodes (user_id, symbol, started_at, ended_at, features, result) VALUES ('" + user
                + "', 'SPY', now() - interval '2 days', now() - interval '1 day', '" + features + "', 0.01) RETURNING id");
    }

    private ValidatableResponse lessons() {
        return post("/api/v1/memories/relevant", "{\"marketContext\": {\"features\": " + MARKET + "}, \"k\": 5}");
    }

    private ValidatableResponse episodes() {
        return post("/api/v1/episodes/similar", "{\"features\": " + MARKET + ", \"k\": 5}");
    }

    private ValidatableResponse post(String path, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json").body(body)
                .post(path).then().statusCode(200);
    }
}
