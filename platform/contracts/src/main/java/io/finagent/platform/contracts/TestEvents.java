package io.finagent.platform.contracts;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.platform.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Events as memory-service publishes them, for consumer tests. */
public final class TestEvents {

    private static final EventCodec CODEC = new EventCodec();
    // far from the ids memory-service hands out in the same test database run
    private static final AtomicLong NEXT_ID = new AtomicLong(System.currentTimeMillis() * 1000);

    private TestEvents() {
    }

    public static long newDecisionId() {
        return NEXT_ID.incrementAndGet();
    }

    public static CloudEvent decisionMade(long decisionId, String userId) {
        DecisionMade data = new DecisionMade(decisionId, userId, 7, "AAPL", "BUY", new BigDecimal("0.72"), 60,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(), List.of(3L));
        return CODEC.envelope(EventType.DECISION_MADE, "/finagent/test", String.valueOf(decisionId), data, Instant.now());
    }

    public static CloudEvent outcomeMeasured(long decisionId, String userId, BigDecimal outcome) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutcomeMeasured data = new OutcomeMeasured(decisionId, userId, 7, "AAPL", "BUY", outcome,
                new BigDecimal("100.00"), new BigDecimal("100.00").multiply(BigDecimal.ONE.add(outcome)), now.minusSeconds(3600), now);
        return CODEC.envelope(EventType.OUTCOME_MEASURED, "/finagent/test", String.valueOf(decisionId), data, now);
    }

    public static String write(CloudEvent event) {
        return CODEC.write(event);
    }

    /** Sends the event to its topic, keyed by its subject as the outbox does. */
    public static void publish(CloudEvent event) {
        publish(List.of(event));
    }

    /** The same for many events over one producer (a backlog), every one acknowledged before it returns. */
    public static void publish(List<CloudEvent> events) {
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (CloudEvent event : events) {
                acks.add(producer.send(new ProducerRecord<>(EventType.ofCloudEventType(event.type()).topic(), event.subject(), CODEC.write(event))));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + events.size() + " events", e);
        }
    }
}
