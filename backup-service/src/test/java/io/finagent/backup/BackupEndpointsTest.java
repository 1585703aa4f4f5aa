package io.finagent.backup;

import io.finagent.platform.contracts.ServiceEndpointsContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BackupEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("PostgreSQL");
    }

    @Override
    protected List<String> monthlyTables() {
        return List.of("sample_monthly_trades");
    }
}
