package io.finagent.backup;

import io.finagent.platform.contracts.OwnedTablesContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BackupSchemaTest extends OwnedTablesContract {

    @Override
    protected String database() {
        return "finagent_backup_test";
    }

    @Override
    protected Set<String> ownedTables() {
        return Set.of("backups", "backup_schedules", "retention_policies", "archive_runs");
    }
}
