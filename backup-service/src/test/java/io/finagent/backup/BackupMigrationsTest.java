package io.finagent.backup;

import io.finagent.platform.contracts.SchemaMigrationsContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BackupMigrationsTest extends SchemaMigrationsContract {

    @Override
    protected String service() {
        return "backup-service";
    }
}
