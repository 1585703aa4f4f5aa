package io.finagent.platform.contracts;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every consumer of {@code decision-made} guarantees, proven over the real broker: it records
 * the decision, a replayed event changes nothing, and a bad message goes to the DLQ with its
 * reason while the partition moves on.
 */
public abstract class DecisionMadeConsumerContract {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();

    protected abstract String database();

    private TestDatabase db() {
        return new TestDatabase(database());
    }

    private long observed(long decisionId) {
        return db().count("SELECT count(*) FROM observed_decisions WHERE decision_id = ?", decisionId);
    }

    @Test
    void recordsEveryDecisionItHears() {
        long id = TestEvents.newDecisionId();
        String user = "erin-" + UUID.randomUUID();
        TestEvents.publish(TestEvents.decisionMade(id, user));
        await().atMost(WAIT).until(() -> observed(id) == 1);
        assertEquals(user, db().strings("SELECT user_id FROM observed_decisions WHERE decision_id = ?", id).get(0));
    }

    @Test
    void replayedEventChangesNothing() {
        long id = TestEvents.newDecisionId();
        CloudEvent event = TestEvents.decisionMade(id, "frank");
        TestEvents.publish(event);
        await().atMost(WAIT).until(() -> observed(id) == 1);
        String observedAt = db().strings("SELECT observed_at::text FROM observed_decisions WHERE decision_id = ?", id).get(0);

        TestEvents.publish(event);
        // same key, same partition: once the marker is in, the replay before it was handled
        long marker = TestEvents.newDecisionId();
        CloudEvent markerEvent = TestEvents.decisionMade(marker, "frank");
        TestKafka.send(EventType.DECISION_MADE.topic(), event.subject(), CODEC.write(markerEvent));
        await().atMost(WAIT).until(() -> observed(marker) == 1);

        assertEquals(1, observed(id));
        assertEquals(observedAt, db().strings("SELECT observed_at::text FROM observed_decisions WHERE decision_id = ?", id).get(0));
        assertEquals(1, db().count("SELECT count(*) FROM inbox_events WHERE event_id = ?", event.id()));
    }

    @Test
    void briefStoreOutageIsRetriedNotDeadLettered() throws InterruptedException {
        long id = TestEvents.newDecisionId();
        db().execute("ALTER TABLE observed_decisions RENAME TO observed_decisions_away");
        try {
            TestEvents.publish(TestEvents.decisionMade(id, "heidi"));
            Thread.sleep(3000); // the effect fails meanwhile: the table is gone
        } finally {
            db().execute("ALTER TABLE observed_decisions_away RENAME TO observed_decisions");
        }
        await().atMost(WAIT).until(() -> observed(id) == 1);
        assertEquals(0, TestKafka.count(EventType.DECISION_MADE.deadLetterTopic(), r -> String.valueOf(id).equals(r.key()),
                Duration.ofSeconds(3)));
    }

    @Test
    void unprocessableMessageGoesToDeadLetterTopicAndStreamContinues() {
        String garbage = "not-json-" + UUID.randomUUID();
        TestKafka.send(EventType.DECISION_MADE.topic(), "bad", garbage);
        long next = TestEvents.newDecisionId();
        CloudEvent after = TestEvents.decisionMade(next, "grace");
        TestKafka.send(EventType.DECISION_MADE.topic(), "bad", CODEC.write(after));

        var dead = TestKafka.awaitRecord(EventType.DECISION_MADE.deadLetterTopic(), r -> garbage.equals(r.value()), WAIT);
        String reason = TestKafka.header(dead, "dead-letter-reason");
        assertNotNull(reason, "the DLQ record carries its reason");
        assertTrue(reason.contains("not JSON"), reason);
        await().atMost(WAIT).until(() -> observed(next) == 1);
    }
}
