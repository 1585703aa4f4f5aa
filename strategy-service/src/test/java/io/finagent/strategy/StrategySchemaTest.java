package io.finagent.strategy;

import io.finagent.platform.contracts.OwnedTablesContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StrategySchemaTest extends OwnedTablesContract {

    @Override
    protected String database() {
        return "finagent_strategy_test";
    }

    @Override
    protected Set<String> ownedTables() {
        return Set.of("strategies", "strategy_versions", "strategy_performance", "alerts", "strategy_outcomes",
                "observed_decisions", "inbox_events", "outbox_events");
    }
}
