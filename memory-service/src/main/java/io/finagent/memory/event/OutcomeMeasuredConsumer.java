package io.finagent.memory.event;

import io.finagent.memory.service.OutcomeService;
import io.finagent.platform.events.InvalidEventException;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.OutcomeMeasured;
import io.finagent.platform.inbox.Inbox;
import io.finagent.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Outcomes measured by portfolio-service; one for an unknown decision goes to the DLQ. */
@ApplicationScoped
public class OutcomeMeasuredConsumer {

    static final String CONSUMER = "memory-service";

    private final Inbox inbox;
    private final OutcomeService outcomes;

    public OutcomeMeasuredConsumer(Inbox inbox, OutcomeService outcomes) {
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("outcome-measured")
    public Uni<Void> onOutcomeMeasured(String message) {
        return inbox.<OutcomeMeasured>consume(CONSUMER, message, EventType.OUTCOME_MEASURED, event -> {
            OutcomeMeasured data = event.data();
            return outcomes.apply(data.userId(), data.decisionId(), data.outcome(), data.measuredAt())
                    .onItem().ifNull().failWith(() -> new InvalidEventException("unknown decision " + data.decisionId()
                            + " of user " + data.userId()))
                    .onFailure(ProblemException.class).transform(e -> new InvalidEventException(e.getMessage(), e));
        });
    }
}
