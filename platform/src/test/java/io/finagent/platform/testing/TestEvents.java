package io.finagent.platform.testing;

import io.finagent.platform.events.CloudEvent;
import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    public static void publish(CloudEvent event) {
        TestKafka.send(EventType.DECISION_MADE.topic(), event.subject(), CODEC.write(event));
    }
}
