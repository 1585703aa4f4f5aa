package io.finagent.portfolio.event;

import io.finagent.platform.events.EventType;
import io.finagent.platform.events.StrategyChanged;
import io.finagent.platform.inbox.Inbox;
import io.finagent.portfolio.service.StrategyDefaultsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class StrategyChangedConsumer {

    private final Inbox inbox;
    private final StrategyDefaultsService strategies;

    public StrategyChangedConsumer(Inbox inbox, StrategyDefaultsService strategies) {
        this.inbox = inbox;
        this.strategies = strategies;
    }

    @Incoming("strategy-changed")
    public Uni<Void> onStrategyChanged(String message) {
        return inbox.<StrategyChanged>consume(DecisionMadeConsumer.CONSUMER, message, EventType.STRATEGY_CHANGED,
                event -> strategies.changed(event.data()));
    }
}
