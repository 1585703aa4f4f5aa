package io.finagent.cache;

import io.finagent.platform.contracts.OwnedTablesContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheSchemaTest extends OwnedTablesContract {

    @Override
    protected String database() {
        return "finagent_cache_test";
    }

    @Override
    protected Set<String> ownedTables() {
        return Set.of("market_data_cache", "symbols_metadata", "cache_entries");
    }
}
