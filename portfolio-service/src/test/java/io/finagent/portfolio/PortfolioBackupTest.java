package io.finagent.portfolio;

import io.finagent.platform.contracts.BackupRoundTripContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PortfolioBackupTest extends BackupRoundTripContract {

    private final String user = "backup-" + UUID.randomUUID();
    // memory-service's decision ids and strategy-service's strategy ids: plain BIGINTs here, far from those other tests use
    private final long strategy = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private final long measured = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private final long observed = measured + 1;


    @Override
    protected String database() {
        return "finagent_portfolio_test";
    }

    @Override
    protected Set<String> notBackedUp() {
        return Set.of(
                // what a restore brought back of the time-series store, until the flusher has written it there
                "series_restores",
                // a restore's request to empty the store's series first, until the flusher has done it
                "series_resets");
    }

    @Override
    protected void seed(TestDatabase db) {
        db.execute("INSERT INTO users (subject, username, email, preferences) VALUES ('" + user + "', '" + user + "', 'b@example.com', '{\"theme\": \"dark\"}')");
        db.execute("INSERT INTO user_settings (user_id, setting_key, setting_value) VALUES ('" + user + "', 'risk', '{\"max\": 0.02}')");
        long portfolio = id(db, "INSERT INTO portfolios (user_id, name, initial_capital, cash_balance, current_value, accounting_method, strategy_id)"
                + " VALUES ('" + user + "', 'backed up', 10000, 9000, 10000, 'FIFO', " + strategy + ") RETURNING id");
        // with a decision and an Idempotency-Key: their claims (transaction_decisions, transaction_idempotency_keys) are backed up too
        long buy = id(db, "INSERT INTO transactions (portfolio_id, user_id, symbol, transaction_type, quantity, price, amount, commission, cash_balance_after,"
                + " decision_id, idempotency_key) VALUES (" + portfolio + ", '" + user + "', 'AAPL', 'BUY', 10, 100, 1000, 1.5, 9000, " + measured
                + ", 'seed-" + user + "') RETURNING id");
        long position = id(db, "INSERT INTO positions (portfolio_id, user_id, symbol, quantity, average_price, cost_basis)"
                + " VALUES (" + portfolio + ", '" + user + "', 'AAPL', 10, 100, 1000) RETURNING id");
        db.execute("INSERT INTO position_lots (position_id, user_id, buy_transaction_id, acquired_at, original_quantity, remaining_quantity, original_cost, remaining_cost)"
                + " VALUES (" + position + ", '" + user + "', " + buy + ", now(), 10, 10, 1000, 1000)");
        db.execute("INSERT INTO observed_decisions (decision_id, user_id, strategy_id, symbol, decision_type, decided_at)"
                + " VALUES (" + measured + ", '" + user + "', " + strategy + ", 'AAPL', 'BUY', now() - interval '2 hours')");
        db.execute("INSERT INTO pending_outcome_measurements (decision_id, user_id, strategy_id, symbol, decision_type, decided_at, horizon_minutes, due_at,"
                + " reference_price, reference_price_at, status, exit_price, exit_price_at, outcome, measured_at, horizon_source, confidence,"
                + " paper_portfolio_id, paper_transaction_id)"
                + " VALUES (" + measured + ", '" + user + "', " + strategy + ", 'AAPL', 'BUY', now() - interval '2 hours', 60, now() - interval '1 hour',"
                + " 100, now() - interval '2 hours', 'MEASURED', 101.5, now() - interval '1 hour', 0.015, now(), 'STRATEGY', 0.7, " + portfolio + ", " + buy + ")");
        db.execute("INSERT INTO strategy_defaults (strategy_id, user_id, status, default_horizon_minutes, version, changed_at)"
                + " VALUES (" + strategy + ", '" + user + "', 'ACTIVE', 60, 1, now())");
        db.execute("INSERT INTO series_backlog (line, symbol, created_at, sent_at) VALUES ('prices,owner=" + user
                + ",symbol=AAPL price=\"100.5\" 1790000000000000000', 'AAPL', now(), now())");
    }

    @Override
    protected void change(TestDatabase db) {
        String portfolio = "(SELECT id FROM portfolios WHERE user_id = '" + user + "')";
        // a partial SELL: a new ledger row, and the portfolio, position and lot it changes
        db.execute("INSERT INTO transactions (portfolio_id, user_id, symbol, transaction_type, quantity, price, amount, realized_pnl, cash_balance_after)"
                + " SELECT id, user_id, 'AAPL', 'SELL', 4, 110, 440, 40, 9440 FROM portfolios WHERE user_id = '" + user + "'");
        db.execute("UPDATE portfolios SET cash_balance = 9440, current_value = 10100, valued_at = now(), updated_at = now() WHERE id = " + portfolio);
        db.execute("UPDATE positions SET quantity = 6, cost_basis = 600, realized_pnl = 40, current_price = 110, market_value = 660,"
                + " unrealized_pnl = 60, price_updated_at = now(), updated_at = now() WHERE portfolio_id = " + portfolio);
        db.execute("UPDATE position_lots SET remaining_quantity = 6, remaining_cost = 600, updated_at = now() WHERE user_id = '" + user + "'");
        db.execute("UPDATE users SET email = NULL, last_login = now() WHERE subject = '" + user + "'");
        db.execute("DELETE FROM user_settings WHERE user_id = '" + user + "'");
        db.execute("INSERT INTO series_backlog (line, symbol, created_at) VALUES ('prices,owner=" + user
                + ",symbol=AAPL price=\"110\" 1790000060000000000', 'AAPL', now())");
        // a decision forgotten: its measurement goes with it (ON DELETE CASCADE); another one observed, still pending
        db.execute("DELETE FROM observed_decisions WHERE decision_id = " + measured);
        db.execute("INSERT INTO observed_decisions (decision_id, user_id, strategy_id, symbol, decision_type, decided_at)"
                + " VALUES (" + observed + ", '" + user + "', " + strategy + ", 'MSFT', 'SELL', now())");
        db.execute("INSERT INTO pending_outcome_measurements (decision_id, user_id, strategy_id, symbol, decision_type, decided_at, horizon_minutes, due_at,"
                + " next_check_at, horizon_source, paper_note)"
                + " VALUES (" + observed + ", '" + user + "', " + strategy + ", 'MSFT', 'SELL', now(), 1440, now() + interval '1 day',"
                + " now() + interval '1 day', 'CONFIGURATION', 'no shares to sell')");
        db.execute("UPDATE strategy_defaults SET status = 'INACTIVE', default_horizon_minutes = NULL, version = 2, changed_at = now()"
                + " WHERE strategy_id = " + strategy);
    }

    private static long id(TestDatabase db, String insertReturningId) {
        return Long.parseLong(db.strings(insertReturningId).get(0));
    }
}
