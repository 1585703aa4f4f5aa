package io.finagent.memory;

import io.finagent.platform.contracts.SchemaMigrationsContract;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class MemoryMigrationsTest extends SchemaMigrationsContract {

    @Override
    protected String service() {
        return "memory-service";
    }

    /** V9 partitions decision_history by month: decisions of the last three years, some with an Idempotency-Key. */
    @Test
    void existingDecisionsMoveIntoTheirMonths() throws Exception {
        rowsMoveIntoMonths("9", "decision_history", "decided_at", """
                INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, decided_at, idempotency_key)
                SELECT 'user-' || (i % 3), 1, 'AAPL', 'BUY', 0.5, now() - make_interval(days => i * 20),
                       CASE WHEN i % 2 = 0 THEN 'key-' || i END
                FROM generate_series(0, 50) i""");
    }
}
