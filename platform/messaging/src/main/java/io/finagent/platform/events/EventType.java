package io.finagent.platform.events;

/** The integration events of the cluster: topic, CloudEvents type, schema and payload class. */
public enum EventType {
    DECISION_MADE("decision-made", "finagent.decision.made.v1", "schemas/decision-made.v1.json", DecisionMade.class),
    OUTCOME_MEASURED("outcome-measured", "finagent.outcome.measured.v1", "schemas/outcome-measured.v1.json", OutcomeMeasured.class),
    STRATEGY_CHANGED("strategy-changed", "finagent.strategy.changed.v1", "schemas/strategy-changed.v1.json", StrategyChanged.class);

    private final String topic;
    private final String cloudEventType;
    private final String schemaResource;
    private final Class<?> payloadClass;

    EventType(String topic, String cloudEventType, String schemaResource, Class<?> payloadClass) {
        this.topic = topic;
        this.cloudEventType = cloudEventType;
        this.schemaResource = schemaResource;
        this.payloadClass = payloadClass;
    }

    public String topic() {
        return topic;
    }

    /** Where a message that cannot be processed goes, with the reason in its headers. */
    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public String schemaResource() {
        return schemaResource;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    public static EventType ofCloudEventType(String type) {
        for (EventType t : values()) {
            if (t.cloudEventType.equals(type)) {
                return t;
            }
        }
        throw new InvalidEventException("unknown event type '" + type + "'");
    }
}
