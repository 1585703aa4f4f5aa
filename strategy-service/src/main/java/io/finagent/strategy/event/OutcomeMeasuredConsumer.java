package io.finagent.strategy.event;

import io.finagent.platform.events.EventType;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.platform.inbox.Inbox;
import io.finagent.strategy.service.OutcomeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

@ApplicationScoped
public class OutcomeMeasuredConsumer {

    private final Inbox inbox;
    private final OutcomeService outcomes;

    public OutcomeMeasuredConsumer(Inbox inbox, OutcomeService outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("outcome-measured")
    public Uni<Void> onOutcomeMeasured(String message) {
        return inbox.<OutcomeMeasured>consume(DecisionMadeConsumer.CONSUMER, message, EventType.OUTCOME_MEASURED,
                event -> outcomes.record(event.data(), Instant.now()));
    }
}
