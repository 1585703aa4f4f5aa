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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** decision_history in monthly partitions (docs/partitions.md): read across months, keys unique across them, months archived whole. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionMonthsTest {

    private final TestDatabase db = new TestDatabase("finagent_memory_test");
    private final String user = "months-" + UUID.randomUUID();

    @Test
    void decisionsOfManyMonthsAreAllReadAndAKeyHoldsAcrossMonths() {
        Instant now = Instant.now();
        for (Instant decidedAt : List.of(now, now.minus(40, ChronoUnit.DAYS), now.minus(70, ChronoUnit.DAYS), Instant.parse("1990-05-01T00:00:00Z"))) {
            post(null, decidedAt).statusCode(201);
        }
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).get("/api/v1/decisions?size=10")
                .then().statusCode(200).body("total", equalTo(4));
        assertEquals(List.of("decision_history_default"),
                db.strings("SELECT DISTINCT tableoid::regclass::text FROM decision_history WHERE user_id = ? AND decided_at < '2000-01-01'", user));

        String key = UUID.randomUUID().toString();
        long first = post(key, now.minus(70, ChronoUnit.DAYS)).statusCode(201).header("Idempotent-Replayed", "false")
                .extract().jsonPath().getLong("id");
        long again = post(key, now).statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath().getLong("id");
        assertEquals(first, again, "the key made one decision, whatever month the retry names");
        assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE user_id = ? AND idempotency_key = ?", user, key));
    }

    @Test
    void aMonthArchivedWholeIsRecordedAsRemovedForTheRecallIndex() {
        // a month of long ago no other test writes in, with its own partition (as the months of a migrated table have)
        YearMonth month = YearMonth.of(1901, 1).plusMonths(ThreadLocalRandom.current().nextInt(48));
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        db.as("finagent_memory").execute("SELECT finagent_create_month_partitions('decision_history', '" + start + "', '" + start + "')");
        long id = post(null, start.plus(3, ChronoUnit.DAYS)).statusCode(201).extract().jsonPath().getLong("id");
        String partition = "decision_history_p" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
        assertEquals(List.of(partition), db.strings("SELECT tableoid::regclass::text FROM decision_history WHERE id = ?", id));

        String before = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        String snapshot = archive(before).get("/api/v1/backup/archive").then().statusCode(200).extract().header("X-Backup-Snapshot");
        archive(before).queryParam("snapshot", snapshot).delete("/api/v1/backup/archive").then().statusCode(200);

        assertEquals(0, db.count("SELECT count(*) FROM pg_class WHERE relname = ?", partition), "the month left as its partition");
        assertEquals(1, db.count("SELECT count(*) FROM decision_removals WHERE decision_id = ?", id));
        given().header("Authorization", Tokens.bearer(Tokens.agent(user))).get("/api/v1/decisions/{id}", id).then().statusCode(404);
    }

    private ValidatableResponse post(String idempotencyKey, Instant decidedAt) {
        var request = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).contentType("application/json")
                .body(Decisions.body("AAPL", "BUY", "0.6").replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, \"decidedAt\": \"" + decidedAt + "\""));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/decisions").then();
    }

    private static io.restassured.specification.RequestSpecification archive(String before) {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops")))
                .queryParam("table", "decision_history").queryParam("column", "decided_at").queryParam("before", before);
    }
}
