package io.finagent.portfolio;

import io.finagent.platform.contracts.SchemaMigrationsContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PortfolioMigrationsTest extends SchemaMigrationsContract {

    @Override
    protected String service() {
        return "portfolio-service";
    }

    /** V9 partitions transactions by month: three years of trades, keyed and for decisions, one opening a lot. */
    @Test
    void existingTransactionsMoveIntoTheirMonths() throws Exception {
        rowsMoveIntoMonths("9", "transactions", "executed_at",
                "INSERT INTO portfolios (user_id, name, initial_capital, cash_balance, current_value) VALUES ('user-1', 'p', 1000, 1000, 1000)",
                """
                INSERT INTO transactions (portfolio_id, user_id, symbol, transaction_type, quantity, price, executed_at, idempotency_key, decision_id)
                SELECT (SELECT min(id) FROM portfolios), 'user-1', 'AAPL', 'BUY', 1, 10, now() - make_interval(days => i * 20),
                       CASE WHEN i % 2 = 0 THEN 'key-' || i END, CASE WHEN i % 3 = 0 THEN i END
                FROM generate_series(0, 50) i""",
                "INSERT INTO positions (portfolio_id, user_id, symbol) SELECT min(id), 'user-1', 'AAPL' FROM portfolios",
                """
                INSERT INTO position_lots (position_id, user_id, buy_transaction_id, acquired_at, original_quantity, remaining_quantity,
                                           original_cost, remaining_cost)
                SELECT (SELECT min(id) FROM positions), 'user-1', id, executed_at, 1, 1, 10, 10 FROM transactions ORDER BY id LIMIT 1""");
    }
}
