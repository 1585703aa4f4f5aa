package io.finagent.memory;

import io.finagent.platform.contracts.OwnedTablesContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MemorySchemaTest extends OwnedTablesContract {

    @Override
    protected String database() {
        return "finagent_memory_test";
    }

    @Test
    void memoryServicesConnectionCannotReadThePortfolios() {
        assertRefused("finagent_portfolio");
        assertRefused("finagent_portfolio_test");
    }

    @Override
    protected Set<String> ownedTables() {
        return Set.of("decision_history", "ai_memory", "pattern_recognition", "episodes", "outcome_credits", "agent_contexts", "outbox_events", "inbox_events");
    }
}
