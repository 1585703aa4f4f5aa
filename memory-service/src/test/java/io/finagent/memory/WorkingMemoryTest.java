package io.finagent.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.config.WorkingMemoryConfig;
import io.finagent.memory.domain.SessionEvent;
import io.finagent.memory.service.WorkingMemory;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs with capacity 5 (test profile) so the bound is reached quickly, against the run's own Redis. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class WorkingMemoryTest {

    private static final String PROBLEM = "application/problem+json";
    private final String user = "kim-" + UUID.randomUUID();
    private final String session = "s-" + UUID.randomUUID();

    @Inject
    RedisDataSource redis;
    @Inject
    ReactiveRedisDataSource reactiveRedis;
    @Inject
    WorkingMemoryConfig config;
    @Inject
    ObjectMapper json;

    @Test
    void theBoundHoldsWhenManyAddAtOnce() throws Exception {
        ExecutorService agents = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> posts = IntStream.rangeClosed(1, 40).mapToObj(n -> agents.submit(() ->
                    post(user, "{\"type\": \"tick\", \"payload\": {\"n\": " + n + "}}").extract().statusCode())).toList();
            for (Future<Integer> post : posts) {
                assertEquals(201, post.get());
            }
        } finally {
            agents.shutdown();
        }
        assertEquals(5, redis.sortedSet(String.class).zcard(key(user)));
        context(user, 60).statusCode(200).body("count", equalTo(5));
    }

    @Test
    void anEventRetriedWithItsIdempotencyKeyIsAddedOnceAndTheRetryAnsweredWithTheFirst() {
        String body = "{\"type\": \"order\", \"payload\": {\"n\": 1}}";
        String first = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).header("Idempotency-Key", "evt-1")
                .contentType("application/json").body(body).post("/api/v1/sessions/" + session + "/events").then()
                .statusCode(201).header("Idempotent-Replayed", "false").extract().asString();
        String again = given().header("Authorization", Tokens.bearer(Tokens.agent(user))).header("Idempotency-Key", "evt-1")
                .contentType("application/json").body(body).post("/api/v1/sessions/" + session + "/events").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, again, "the retry is answered with the first event, its occurredAt included");
        context(user, 60).statusCode(200).body("count", equalTo(1));
        // the key is per session and user: another user's same key adds its own event
        String other = "lee-" + UUID.randomUUID();
        given().header("Authorization", Tokens.bearer(Tokens.agent(other))).header("Idempotency-Key", "evt-1")
                .contentType("application/json").body(body).post("/api/v1/sessions/" + session + "/events").then()
                .statusCode(201).header("Idempotent-Replayed", "false");
        context(other, 60).statusCode(200).body("count", equalTo(1));
    }

    @Test
    void anIdleSessionExpiresInRedis() {
        post(user, "{\"type\": \"tick\", \"payload\": {}}").statusCode(201);
        long ttl = redis.key().ttl(key(user));
        assertTrue(ttl > 0 && ttl <= config.idleTimeout().toSeconds(), "TTL " + ttl + " s");
    }

    @Test
    void eventsAreInRedisNotInTheProcess() {
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        post(user, "{\"type\": \"news\", \"payload\": {\"n\": 1}, \"occurredAt\": \"" + at + "\"}").statusCode(201);
        post(user, "{\"type\": \"tick\", \"payload\": {\"n\": 2}}").statusCode(201);
        // what another replica, or this one after a restart, reads: a WorkingMemory of its own over the same Redis
        var another = new WorkingMemory(reactiveRedis, config, json, new SimpleMeterRegistry());
        List<SessionEvent> events = another.since(user, session, at).await().indefinitely().orElseThrow();
        assertEquals(List.of("news", "tick"), events.stream().map(SessionEvent::type).toList());
        assertEquals(at, events.get(0).occurredAt());
        assertEquals(2, redis.sortedSet(String.class).zcard(key(user)));
    }

    @Test
    void aSessionIdIsScopedToItsUser() {
        String other = user + ":" + session; // a separator in a user id must not reach another user's key
        post(user, "{\"type\": \"tick\", \"payload\": {\"n\": 1}}").statusCode(201);
        post(other, "{\"type\": \"tick\", \"payload\": {\"n\": 2}}").statusCode(201);
        context(user, 60).statusCode(200).body("events.payload.n", contains(1));
        context(other, 60).statusCode(200).body("events.payload.n", contains(2));
    }

    @Test
    void evictsTheOldestAtItsBound() {
        for (int i = 1; i <= 7; i++) {
            post(user, "{\"type\": \"tick\", \"payload\": {\"n\": " + i + "}}").statusCode(201)
                    .header("Location", endsWith("/api/v1/sessions/" + session + "/context"));
        }
        context(user, 60).statusCode(200).body("count", equalTo(5)).body("events.payload.n", contains(3, 4, 5, 6, 7));
    }

    @Test
    void filtersByLookback() {
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        post(user, "{\"type\": \"news\", \"payload\": {\"n\": 1}, \"occurredAt\": \"" + twoHoursAgo + "\"}").statusCode(201);
        post(user, "{\"type\": \"news\", \"payload\": {\"n\": 2}}").statusCode(201);
        context(user, 60).statusCode(200).body("count", equalTo(1)).body("events[0].payload.n", equalTo(2));
        context(user, 180).statusCode(200).body("count", equalTo(2)).body("events.payload.n", contains(1, 2));
    }

    @Test
    void recordedDecisionEntersItsSession() {
        String body = Decisions.body("AAPL", "BUY", "0.72").replace("\"horizonMinutes\": 60", "\"horizonMinutes\": 60, \"sessionId\": \"" + session + "\"");
        long id = Decisions.post(user, body).statusCode(201).extract().jsonPath().getLong("id");
        context(user, 60).statusCode(200).body("events.type", hasItem("decision")).body("events[0].payload.decisionId", equalTo((int) id));
    }

    @Test
    void anotherUsersSessionIs404() {
        post(user, "{\"type\": \"tick\", \"payload\": {}}").statusCode(201);
        context("lee-" + UUID.randomUUID(), 60).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIs400AndStoresNothing() {
        post(user, "{\"type\": \"tick\"}").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("payload"));
        post(user, "{\"type\": \"no spaces\", \"payload\": {}}").statusCode(400).body("errors.field", hasItem("type"));
        post(user, "{\"type\": \"tick\", \"payload\": {}, \"occurredAt\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}")
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        context(user, 60).statusCode(404);
        post(user, "{\"type\": \"tick\", \"payload\": {}}").statusCode(201);
        context(user, 0).statusCode(400).contentType(PROBLEM);
    }

    /** The documented layout: prefix, the user id's length, the user id, the session id. */
    private String key(String who) {
        return "finagent-test:wm:" + who.length() + ":" + who + ":" + session;
    }

    private ValidatableResponse post(String who, String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who))).contentType("application/json").body(body)
                .when().post("/api/v1/sessions/" + session + "/events").then();
    }

    private ValidatableResponse context(String who, int lookbackMinutes) {
        return given().header("Authorization", Tokens.bearer(Tokens.agent(who)))
                .when().get("/api/v1/sessions/" + session + "/context?lookbackMinutes=" + lookbackMinutes).then();
    }
}
