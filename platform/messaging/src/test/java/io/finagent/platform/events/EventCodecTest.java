package io.finagent.platform.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    /** Payloads as v1 first shipped: they must parse for as long as v1 exists. */
    @Test
    void firstDecisionMadeV1PayloadStillParses() throws IOException {
        ReceivedEvent<DecisionMade> event = codec.read(fixture("decision-made.v1.json"), EventType.DECISION_MADE);
        assertEquals(UUID.fromString("6f1c1a52-8d0e-4a8e-9f6b-3f1e2c7a9b10"), event.id());
        assertEquals("42", event.subject());
        assertEquals(42, event.data().decisionId());
        assertEquals(new BigDecimal("0.72"), event.data().confidence());
        assertEquals(Instant.parse("2026-11-23T20:59:59.123456Z"), event.data().decidedAt());
        assertEquals(List.of(3L, 4L), event.data().citedPatternIds());
    }

    @Test
    void firstOutcomeMeasuredV1PayloadStillParses() throws IOException {
        ReceivedEvent<OutcomeMeasured> event = codec.read(fixture("outcome-measured.v1.json"), EventType.OUTCOME_MEASURED);
        assertEquals(42, event.data().decisionId());
        // exact decimal, no binary floating point on the way
        assertEquals(new BigDecimal("0.0123456789"), event.data().outcome());
        assertEquals(new BigDecimal("187.25"), event.data().referencePrice());
    }

    @Test
    void firstStrategyChangedV1PayloadStillParses() throws IOException {
        ReceivedEvent<StrategyChanged> event = codec.read(fixture("strategy-changed.v1.json"), EventType.STRATEGY_CHANGED);
        assertEquals("7", event.subject());
        assertEquals(new StrategyChanged(7, "demo", "Momentum 20d", "ACTIVE", 1440, 3, Instant.parse("2026-11-24T08:59:59.5Z")),
                event.data());
    }

    @Test
    void strategyWithoutDefaultHorizonParsesAndAZeroHorizonIsRejected() throws IOException {
        String none = fixture("strategy-changed.v1.json").replace("\"defaultHorizonMinutes\": 1440", "\"defaultHorizonMinutes\": null");
        assertEquals(null, codec.<StrategyChanged>read(none, EventType.STRATEGY_CHANGED).data().defaultHorizonMinutes());
        String zero = fixture("strategy-changed.v1.json").replace("\"defaultHorizonMinutes\": 1440", "\"defaultHorizonMinutes\": 0");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> codec.read(zero, EventType.STRATEGY_CHANGED));
        assertTrue(e.getMessage().contains("defaultHorizonMinutes"), e.getMessage());
    }

    @Test
    void writtenEventReadsBackEqual() {
        DecisionMade data = new DecisionMade(9, "u1", 3, "MSFT", "SELL", new BigDecimal("0.5"), null,
                Instant.parse("2026-01-02T03:04:05Z"), List.of(1L), List.of());
        CloudEvent envelope = codec.envelope(EventType.DECISION_MADE, "/finagent/test", "9", data, Instant.parse("2026-01-02T03:04:06Z"));
        ReceivedEvent<DecisionMade> read = codec.read(codec.write(envelope), EventType.DECISION_MADE);
        assertEquals(envelope.id(), read.id());
        assertEquals(data, read.data());
        assertEquals("finagent.decision.made.v1", envelope.type());
    }

    @Test
    void unknownFieldsAreToleratedSoProducersCanAddOptionalOnes() throws IOException {
        String withExtra = fixture("decision-made.v1.json").replace("\"symbol\": \"AAPL\",", "\"symbol\": \"AAPL\", \"venue\": \"XNAS\",");
        assertEquals("AAPL", codec.<DecisionMade>read(withExtra, EventType.DECISION_MADE).data().symbol());
    }

    @Test
    void missingRequiredFieldIsRejectedNamingIt() throws IOException {
        String missing = fixture("decision-made.v1.json").replace("\"decisionId\": 42,", "");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> codec.read(missing));
        assertTrue(e.getMessage().contains("decisionId"), e.getMessage());
    }

    @Test
    void outOfRangeConfidenceIsRejected() throws IOException {
        String bad = fixture("decision-made.v1.json").replace("\"confidence\": 0.72", "\"confidence\": 1.5");
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> codec.read(bad));
        assertTrue(e.getMessage().contains("confidence"), e.getMessage());
    }

    @Test
    void notJsonAndUnknownTypesAreRejectedWithReason() throws IOException {
        assertTrue(assertThrows(InvalidEventException.class, () -> codec.read("{oops")).getMessage().startsWith("not JSON"));
        String unknown = fixture("decision-made.v1.json").replace("finagent.decision.made.v1", "finagent.decision.deleted.v1");
        assertTrue(assertThrows(InvalidEventException.class, () -> codec.read(unknown)).getMessage().contains("unknown event type"));
    }

    @Test
    void eventOfAnotherTypeIsRejectedWhereOneIsExpected() throws IOException {
        String outcome = fixture("outcome-measured.v1.json");
        assertThrows(InvalidEventException.class, () -> codec.read(outcome, EventType.DECISION_MADE));
    }

    private static String fixture(String name) throws IOException {
        try (var in = EventCodecTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
