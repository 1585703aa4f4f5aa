package io.finagent.portfolio;

import io.finagent.platform.contracts.OwnedTablesContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PortfolioSchemaTest extends OwnedTablesContract {

    @Override
    protected String database() {
        return "finagent_portfolio_test";
    }

    @Override
    protected Set<String> ownedTables() {
        return Set.of("users", "user_settings", "portfolios", "positions", "position_lots", "transactions",
                "pending_outcome_measurements", "observed_decisions", "strategy_defaults", "series_backlog", "inbox_events", "outbox_events");
    }
}
