package io.finagent.cache;

import io.finagent.platform.contracts.BackupRoundTripContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CacheBackupTest extends BackupRoundTripContract {

    private final String user = "backup-" + UUID.randomUUID();
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();


    @Override
    protected String database() {
        return "finagent_cache_test";
    }

    @Override
    protected void seed(TestDatabase db) {
        db.execute("INSERT INTO market_data_cache (cache_key, symbol, data_type, timeframe, value, expires_at) VALUES"
                + " ('market:BK" + tag + ":fundamentals', 'BK" + tag + "', 'fundamentals', NULL, '{\"pe\": 21.5}', now() + interval '1 day'),"
                + " ('market:BK" + tag + ":historical:1d', 'BK" + tag + "', 'historical', '1d', '[1, 2, 3]', now() + interval '7 days')");
        db.execute("INSERT INTO cache_entries (cache_key, user_id, value, expires_at) VALUES"
                + " ('analysis:BK" + tag + ":momentum', '" + user + "', '{\"view\": \"bullish\"}', now() + interval '1 day'),"
                + " ('shared:" + tag + "', NULL, '\"everyone\"', NULL)");
        db.execute("INSERT INTO symbols_metadata (symbol, name, exchange, asset_type, currency, market_cap, metadata)"
                + " VALUES ('BK" + tag + "', 'Backup Corp', 'NASDAQ', 'STOCK', 'USD', 123456789.12345678, '{\"isin\": \"US0000000000\"}')");
    }

    @Override
    protected void change(TestDatabase db) {
        db.execute("UPDATE market_data_cache SET value = '{\"pe\": 22.25}', created_at = now(), expires_at = now() + interval '1 day'"
                + " WHERE cache_key = 'market:BK" + tag + ":fundamentals'");
        db.execute("DELETE FROM market_data_cache WHERE cache_key = 'market:BK" + tag + ":historical:1d'");
        db.execute("INSERT INTO cache_entries (cache_key, user_id, value, expires_at, absent)"
                + " VALUES ('quote:BK" + tag + "', '" + user + "', 'null', now() + interval '1 hour', TRUE)");
        db.execute("DELETE FROM cache_entries WHERE cache_key = 'shared:" + tag + "'");
        // deleted and set again: a new id under the same unique key, which the import must free first
        db.execute("INSERT INTO cache_entries (cache_key, user_id, value, expires_at) VALUES ('shared:" + tag + "', NULL, '\"again\"', now() + interval '1 hour')");
        db.execute("UPDATE symbols_metadata SET active = FALSE, market_cap = NULL, updated_at = now() WHERE symbol = 'BK" + tag + "'");
        db.execute("INSERT INTO symbols_metadata (symbol, asset_type) VALUES ('BL" + tag + "', 'ETF')");
    }
}
