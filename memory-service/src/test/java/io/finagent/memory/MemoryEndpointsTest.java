package io.finagent.memory;

import io.finagent.platform.contracts.ServiceEndpointsContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MemoryEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("PostgreSQL", "Kafka");
    }

    @Override
    protected List<String> monthlyTables() {
        return List.of("decision_history");
    }
}
