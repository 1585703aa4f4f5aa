package io.finagent.platform.performance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planner's plan of a normalized statement ({@code $n} for its constants) without running it:
 * prepared anew each time, so that a hypothetical index made since counts, and explained as the
 * generic plan (PostgreSQL 15 has no {@code EXPLAIN (GENERIC_PLAN)}; the connection's transaction
 * sets {@code plan_cache_mode = force_generic_plan}).
 */
final class GenericPlans {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final String NAME = "finagent_advice";

    /** A sequential scan that filters: what an index could replace. */
    record SequentialScan(String table, String filter) {
    }

    record Plan(double cost, List<SequentialScan> sequentialScans, List<String> indexesUsed) {
    }

    private GenericPlans() {
    }

    static void forceGeneric(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(StatementStatistics.OWN + "SET LOCAL plan_cache_mode = force_generic_plan");
        }
    }

    static Plan plan(Connection connection, String query) throws SQLException {
        // a prepared statement outlives a rollback: the savepoint keeps the transaction able to drop it
        Savepoint planning = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            try {
                st.execute(StatementStatistics.OWN + "PREPARE " + NAME + " AS " + query);
                try (ResultSet rs = st.executeQuery(StatementStatistics.OWN + "EXPLAIN (FORMAT JSON) EXECUTE " + NAME + arguments(query))) {
                    rs.next();
                    JsonNode root = JSON.readTree(rs.getString(1)).get(0).get("Plan");
                    Plan plan = new Plan(root.get("Total Cost").asDouble(), new ArrayList<>(), new ArrayList<>());
                    collect(root, plan);
                    connection.releaseSavepoint(planning);
                    return plan;
                }
            } catch (SQLException | JsonProcessingException e) {
                connection.rollback(planning);
                throw e instanceof SQLException sql ? sql : new SQLException("unreadable plan: " + e.getMessage(), e);
            } finally {
                deallocate(connection);
            }
        }
    }

    /** Drops the statement prepared here, if it is there: the connection goes back to the pool without it. */
    static void deallocate(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(StatementStatistics.OWN + "SELECT EXISTS (SELECT FROM pg_prepared_statements WHERE name = '" + NAME + "')")) {
            if (rs.next() && rs.getBoolean(1)) {
                st.execute(StatementStatistics.OWN + "DEALLOCATE " + NAME);
            }
        }
    }

    /** NULL for each {@code $n}: a generic plan does not look at the values. */
    private static String arguments(String query) {
        int count = 0;
        Matcher m = PARAMETER.matcher(query);
        while (m.find()) {
            count = Math.max(count, Integer.parseInt(m.group(1)));
        }
        return count == 0 ? "" : "(" + String.join(", ", Collections.nCopies(count, "NULL")) + ")";
    }

    private static void collect(JsonNode node, Plan plan) {
        String type = node.path("Node Type").asText();
        if (type.equals("Seq Scan") && node.has("Filter") && "public".equals(node.path("Schema").asText("public"))) {
            plan.sequentialScans().add(new SequentialScan(node.path("Relation Name").asText(), node.get("Filter").asText()));
        }
        if (node.has("Index Name")) {
            plan.indexesUsed().add(node.get("Index Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, plan);
        }
    }
}
