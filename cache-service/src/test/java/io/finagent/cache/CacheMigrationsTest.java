package io.finagent.cache;

import io.finagent.platform.contracts.SchemaMigrationsContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheMigrationsTest extends SchemaMigrationsContract {

    @Override
    protected String service() {
        return "cache-service";
    }

    /** V5 partitions market_data_cache by month of created_at: values written over the last year. */
    @Test
    void existingMarketDataMovesIntoItsMonths() throws Exception {
        rowsMoveIntoMonths("5", "market_data_cache", "created_at", """
                INSERT INTO market_data_cache (cache_key, symbol, data_type, value, created_at, expires_at)
                SELECT 'market:AAPL:daily_price:' || i, 'AAPL', 'daily_price', '{}', now() - make_interval(days => i * 20), now()
                FROM generate_series(0, 20) i""");
    }
}
