package io.finagent.strategy;

import io.finagent.platform.contracts.BackupRoundTripContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class StrategyBackupTest extends BackupRoundTripContract {

    private final String user = "backup-" + UUID.randomUUID();
    // memory-service's decision ids: plain BIGINTs here, far from those other tests use
    private final long decision = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private final long rejected = decision + 1;

    @Override
    protected String database() {
        return "finagent_strategy_test";
    }


    @Override
    protected void seed(TestDatabase db) {
        long kept = strategy(db, "kept");
        long dropped = strategy(db, "dropped");
        db.execute("INSERT INTO strategy_performance (strategy_id, user_id, period_from, period_to, total_return, annualized_volatility,"
                + " max_drawdown, win_rate, total_trades) VALUES (" + kept + ", '" + user + "', now() - interval '30 days', now(),"
                + " 0.0512345678, 0.2, 0.03, 0.5, 2)");
        db.execute("INSERT INTO alerts (user_id, strategy_id, decision_id, symbol, alert_type, priority, message, details)"
                + " VALUES ('" + user + "', " + kept + ", " + decision + ", 'AAPL', 'RISK_WARNING', 3, 'drawdown', '{\"drawdown\": 0.03}')");
        db.execute("INSERT INTO alerts (user_id, strategy_id, symbol, alert_type, message)"
                + " VALUES ('" + user + "', " + dropped + ", 'MSFT', 'BUY_SIGNAL', 'cross over')");
        db.execute("INSERT INTO observed_decisions (decision_id, user_id, strategy_id, symbol, decision_type, decided_at, status)"
                + " VALUES (" + decision + ", '" + user + "', " + kept + ", 'AAPL', 'BUY', now() - interval '1 day', 'ACCEPTED')");
        db.execute("INSERT INTO strategy_outcomes (strategy_id, user_id, decision_id, outcome, measured_at)"
                + " VALUES (" + kept + ", '" + user + "', " + decision + ", -0.0123456789, now())");
    }

    @Override
    protected void change(TestDatabase db) {
        String kept = "(SELECT id FROM strategies WHERE user_id = '" + user + "' AND name = 'kept')";
        // a new configuration: the next version (versions are never rewritten), and the strategy pointing at it
        db.execute("INSERT INTO strategy_versions (strategy_id, user_id, version_number, config, previous_config, changelog)"
                + " SELECT id, user_id, 2, '{\"rsi\": 21}', config, 'slower' FROM strategies WHERE id = " + kept);
        db.execute("UPDATE strategies SET config = '{\"rsi\": 21}', current_version = 2, decision_count = 1, last_used = now(),"
                + " updated_at = now() WHERE id = " + kept);
        db.execute("UPDATE alerts SET status = 'SENT', sent_at = now(), updated_at = now() WHERE user_id = '" + user + "' AND symbol = 'AAPL'");
        db.execute("DELETE FROM strategy_performance WHERE user_id = '" + user + "'");
        // a strategy deleted: its versions go with it, its alert stays without it (ON DELETE SET NULL)
        db.execute("DELETE FROM strategies WHERE user_id = '" + user + "' AND name = 'dropped'");
        db.execute("INSERT INTO observed_decisions (decision_id, user_id, strategy_id, symbol, decision_type, decided_at, status)"
                + " VALUES (" + rejected + ", '" + user + "', 0, 'MSFT', 'HOLD', now(), 'REJECTED')");
    }

    private long strategy(TestDatabase db, String name) {
        long id = Long.parseLong(db.strings("INSERT INTO strategies (user_id, name, description, strategy_type, config, default_horizon_minutes)"
                + " VALUES ('" + user + "', '" + name + "', 'backed up', 'TECHNICAL', '{\"rsi\": 14}', 60) RETURNING id").get(0));
        db.execute("INSERT INTO strategy_versions (strategy_id, user_id, version_number, config, changelog)"
                + " VALUES (" + id + ", '" + user + "', 1, '{\"rsi\": 14}', 'first')");
        return id;
    }
}
