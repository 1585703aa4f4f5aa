package io.finagent.memory.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.index.FeedPosition;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A replica's poll reads the gaps of its position (ids taken by transactions that had not
 * committed) from decision_history's index, never by reading the table: with three gaps under an
 * ingest at a million decisions the planner once chose a scan of all of it, 1-2 s a poll, and
 * every other replica saw the decisions that much later. The rows are planted and analysed in a
 * transaction that is rolled back, so the table looks large to the planner and nothing stays.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DecisionFeedTest {

    private static final int PLANTED = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPollWithGapsReadsThemFromTheIndexInACustomPlanAndInAGenericOne() throws Exception {
        try (Connection c = new TestDatabase("finagent_memory_test").connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO decision_history (user_id, strategy_id, symbol, decision_type, confidence, market_context)
                        SELECT '%s', 1, 'SPY', 'HOLD', 0.5, '{"features": {"rsi_14": 50}}' FROM generate_series(1, %d)"""
                        .formatted("feed-" + UUID.randomUUID(), PLANTED));
                s.execute("ANALYZE decision_history");
                long top;
                try (ResultSet rs = s.executeQuery("SELECT max(id) FROM decision_history")) {
                    rs.next();
                    top = rs.getLong(1);
                }
                // three runs of ids not yet committed when the position was taken, as under an ingest
                FeedPosition position = FeedPosition.decode(top + "," + (top - 50) + "-" + (top - 45) + ":-1,"
                        + (top - 30) + "-" + (top - 28) + ":-1," + (top - 10) + "-" + (top - 5) + ":-1;0;0");
                assertEquals(List.of(), tableScans(c, position), "custom plan");
                s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                assertEquals(List.of(), tableScans(c, position), "generic plan");
            } finally {
                c.rollback();
            }
        }
    }

    /** The scans of decision_history in the poll's plan that read more than a handful of rows without an index. */
    private static List<String> tableScans(Connection c, FeedPosition position) throws Exception {
        try (PreparedStatement explain = DecisionFeed.prepare(c, "EXPLAIN (FORMAT JSON) " + DecisionFeed.POLL, position, 5000);
             ResultSet rs = explain.executeQuery()) {
            rs.next();
            List<String> scans = new ArrayList<>();
            collect(JSON.readTree(rs.getString(1)).get(0).get("Plan"), scans);
            return scans;
        }
    }

    private static void collect(JsonNode node, List<String> scans) {
        if ("Seq Scan".equals(node.path("Node Type").asText()) && node.path("Relation Name").asText().startsWith("decision_history")
                && node.path("Plan Rows").asLong() > 1000) {
            scans.add(node.path("Relation Name").asText() + " (" + node.path("Plan Rows").asLong() + " rows)");
        }
        node.path("Plans").forEach(child -> collect(child, scans));
    }
}
