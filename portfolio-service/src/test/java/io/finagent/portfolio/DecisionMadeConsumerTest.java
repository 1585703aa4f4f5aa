package io.finagent.portfolio;

import io.finagent.platform.contracts.DecisionMadeConsumerContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionMadeConsumerTest extends DecisionMadeConsumerContract {

    @Override
    protected String database() {
        return "finagent_portfolio_test";
    }
}
