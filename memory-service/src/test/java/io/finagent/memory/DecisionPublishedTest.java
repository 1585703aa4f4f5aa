package io.finagent.memory;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.ReceivedEvent;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestInfrastructure;
import io.finagent.platform.testing.TestKafka;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionPublishedTest {

    private final EventCodec codec = new EventCodec();
    private final TestDatabase db = new TestDatabase("finagent_memory_test");

    @Test
    void decisionIsPublishedAsCloudEventKeyedByItsId() {
        String user = "carol-" + UUID.randomUUID();
        long id = Decisions.record(user, "AAPL");

        // the user too: a broker kept across runs may hold an event of the same id from a database since dropped
        var record = TestKafka.awaitRecord(EventType.DECISION_MADE.topic(),
                r -> String.valueOf(id).equals(r.key()) && r.value().contains(user), Duration.ofSeconds(30));
        assertEquals(CloudEvent.CONTENT_TYPE, TestKafka.header(record, "content-type"));
        ReceivedEvent<DecisionMade> event = codec.read(record.value(), EventType.DECISION_MADE);
        assertEquals(String.valueOf(id), event.subject());
        assertEquals(id, event.data().decisionId());
        assertEquals(user, event.data().userId());
        assertEquals("BUY", event.data().decisionType());
        assertEquals(0, new BigDecimal("0.72").compareTo(event.data().confidence()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.count("SELECT count(*) FROM outbox_events WHERE event_key = ? AND published_at IS NOT NULL", String.valueOf(id)) == 1);
    }

    @Test
    void decisionWrittenWhileBrokerIsDownIsPublishedWhenItReturns() {
        String user = "dave-" + UUID.randomUUID();
        TestInfrastructure.stopKafka();
        long id;
        try {
            id = Decisions.record(user, "TSLA");
            // the decision is stored and its event waits in the outbox while no broker answers
            assertEquals(1, db.count("SELECT count(*) FROM decision_history WHERE id = ?", id));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    db.count("SELECT count(*) FROM outbox_events WHERE event_key = ? AND published_at IS NULL", String.valueOf(id)) == 1);
        } finally {
            TestInfrastructure.startKafka();
        }
        var record = TestKafka.awaitRecord(EventType.DECISION_MADE.topic(), r -> String.valueOf(id).equals(r.key()), Duration.ofSeconds(60));
        assertEquals(id, codec.<DecisionMade>read(record.value(), EventType.DECISION_MADE).data().decisionId());
    }

    @Test
    void aBurstIsWrittenInGroupCommitsWithOneEventPerDecision() throws Exception {
        String user = "erin-" + UUID.randomUUID();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(callers.submit(() -> Decisions.record(user, "SPY")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> call : calls) {
                ids.add(call.get(60, TimeUnit.SECONDS));
            }
            assertEquals(64, ids.size(), "every call got its own decision");
        } finally {
            callers.shutdownNow();
        }
        assertEquals(64, db.count("SELECT count(*) FROM decision_history WHERE user_id = ?", user));
        assertEquals(64, db.count("SELECT count(*) FROM outbox_events o JOIN decision_history d ON o.event_key = d.id::text "
                + "WHERE d.user_id = ? AND o.event_type = 'finagent.decision.made.v1'", user));
    }
}
