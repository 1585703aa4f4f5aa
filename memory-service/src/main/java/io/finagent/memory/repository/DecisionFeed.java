package io.finagent.memory.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.index.FeedCursor;
import io.finagent.memory.index.FeedPosition;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed in decision_history since a position of the recall index, read in one snapshot:
 * the decisions after its highest id and in its gaps, the removals likewise, and the newest
 * restore. Every replica reads it on its own, so each index follows every decision, whichever
 * replica recorded it. Blocking: call it from the index's own thread.
 */
@ApplicationScoped
public class DecisionFeed {

    /** A removed decision: the id of its removal, and of the decision. */
    public record Removal(long id, long decisionId) {
    }

    /** One poll; {@code full} when a page came back full, so more is waiting. */
    public record Poll(long xmin, long xmax, long restore, List<DecisionRow> gapDecisions, List<DecisionRow> newDecisions,
                       List<Removal> gapRemovals, List<Removal> newRemovals, boolean full) {
    }

    private static final String SNAPSHOT = """
            SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint,
                   coalesce((SELECT max(id) FROM data_restores), 0)
            FROM pg_current_snapshot() s""";
    private static final String NEW_DECISIONS = "SELECT " + DecisionRow.COLUMNS + " FROM decision_history WHERE id > ? ORDER BY id LIMIT ?";
    private static final String GAP_DECISIONS = "SELECT " + DecisionRow.COLUMNS
            + " FROM unnest(?::bigint[], ?::bigint[]) AS g(lo, hi) JOIN decision_history ON id BETWEEN g.lo AND g.hi";
    private static final String NEW_REMOVALS = "SELECT id, decision_id FROM decision_removals WHERE id > ? ORDER BY id LIMIT ?";
    private static final String GAP_REMOVALS = "SELECT id, decision_id"
            + " FROM unnest(?::bigint[], ?::bigint[]) AS g(lo, hi) JOIN decision_removals ON id BETWEEN g.lo AND g.hi";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public DecisionFeed(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** This database's id: a durable index built elsewhere is not followed here. */
    public String databaseId() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT database_id::text FROM recall_index_origin");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    public Poll poll(FeedPosition from, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long xmin;
                long xmax;
                long restore;
                try (PreparedStatement snapshot = c.prepareStatement(SNAPSHOT); ResultSet rs = snapshot.executeQuery()) {
                    rs.next();
                    xmin = rs.getLong(1);
                    xmax = rs.getLong(2);
                    restore = rs.getLong(3);
                }
                // in a gap, only what was not read before: a gap is re-read whole until it is dropped
                List<DecisionRow> gapDecisions = decisions(c, GAP_DECISIONS, ranges(c, from.decisions())).stream()
                        .filter(row -> !from.decisions().passed(row.id())).toList();
                List<DecisionRow> newDecisions = decisions(c, NEW_DECISIONS, new Object[]{from.decisions().high(), limit});
                List<Removal> gapRemovals = removals(c, GAP_REMOVALS, ranges(c, from.removals())).stream()
                        .filter(removal -> !from.removals().passed(removal.id())).toList();
                List<Removal> newRemovals = removals(c, NEW_REMOVALS, new Object[]{from.removals().high(), limit});
                return new Poll(xmin, xmax, restore, gapDecisions, newDecisions, gapRemovals, newRemovals,
                        newDecisions.size() == limit || newRemovals.size() == limit);
            } finally {
                c.rollback(); // read only
            }
        }
    }

    /** The cursor's gaps as two arrays, their first and last ids. */
    private static Object[] ranges(Connection c, FeedCursor cursor) throws SQLException {
        List<FeedCursor.Gap> gaps = cursor.gaps();
        return new Object[]{c.createArrayOf("bigint", gaps.stream().map(FeedCursor.Gap::from).toArray()),
                c.createArrayOf("bigint", gaps.stream().map(FeedCursor.Gap::to).toArray())};
    }

    private List<DecisionRow> decisions(Connection c, String sql, Object[] parameters) throws SQLException {
        List<DecisionRow> out = new ArrayList<>();
        try (PreparedStatement select = prepare(c, sql, parameters); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(DecisionRow.read(rs, json));
            }
        }
        return out;
    }

    private static List<Removal> removals(Connection c, String sql, Object[] parameters) throws SQLException {
        List<Removal> out = new ArrayList<>();
        try (PreparedStatement select = prepare(c, sql, parameters); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                out.add(new Removal(rs.getLong(1), rs.getLong(2)));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
