package io.finagent.portfolio.event;

import io.finagent.platform.events.DecisionMade;
import io.finagent.platform.events.EventType;
import io.finagent.platform.inbox.Inbox;
import io.finagent.portfolio.service.DecisionObservationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class DecisionMadeConsumer {

    static final String CONSUMER = "portfolio-service";

    private final Inbox inbox;
    private final DecisionObservationService observations;

    public DecisionMadeConsumer(Inbox inbox, DecisionObservationService observations) {
        this.inbox = inbox;
        this.observations = observations;
    }

    @Incoming("decision-made")
    public Uni<Void> onDecisionMade(String message) {
        return inbox.<DecisionMade>consume(CONSUMER, message, EventType.DECISION_MADE, event -> observations.observe(event.data()));
    }
}
