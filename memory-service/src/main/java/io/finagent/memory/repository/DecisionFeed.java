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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What changed in decision_history since a position of the recall index, read in one statement:
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

    /**
     * The whole poll in one statement, hence one snapshot and one round trip, where a transaction
     * took nine (begin, isolation, five reads, rollback), each a wait for a core while an ingest
     * keeps both busy. (The seconds a poll once took under that load were PostgreSQL compiling its
     * plan: every service connection now runs without JIT, docs/deploy.md.) Each row says what it
     * is (column 7); decisions use {@link DecisionRow#COLUMNS}' six columns, removals their id and
     * (column 8) the decision's. A gap part is also bounded by the first and last id of all gaps,
     * as plain parameters: the planner cannot estimate a join on ranges that come from an array, and
     * with a few gaps under ingest it chose to read all of decision_history (1-2 s a poll at a million
     * decisions); with the bounds it reads their index, in a custom plan and in a generic one.
     */
    static final String POLL = """
            SELECT pg_snapshot_xmin(s)::text::bigint, NULL::text, NULL::text, NULL::bigint, NULL::timestamptz, NULL::jsonb,
                   'snapshot'::text, pg_snapshot_xmax(s)::text::bigint
            FROM pg_current_snapshot() s
            UNION ALL
            SELECT coalesce((SELECT max(id) FROM data_restores), 0), NULL::text, NULL::text, NULL::bigint, NULL::timestamptz,
                   NULL::jsonb, 'restore'::text, NULL::bigint
            UNION ALL
            SELECT * FROM (SELECT COLUMNS, 'gap decision'::text, NULL::bigint
                           FROM unnest(?::bigint[], ?::bigint[]) AS g(lo, hi) JOIN decision_history ON id BETWEEN g.lo AND g.hi
                           WHERE id BETWEEN ?::bigint AND ?::bigint) gap
            UNION ALL
            SELECT * FROM (SELECT COLUMNS, 'new decision'::text, NULL::bigint
                           FROM decision_history WHERE id > ? ORDER BY id LIMIT ?) new
            UNION ALL
            SELECT * FROM (SELECT id, NULL::text, NULL::text, NULL::bigint, NULL::timestamptz, NULL::jsonb, 'gap removal'::text, decision_id
                           FROM unnest(?::bigint[], ?::bigint[]) AS g(lo, hi) JOIN decision_removals ON id BETWEEN g.lo AND g.hi
                           WHERE id BETWEEN ?::bigint AND ?::bigint) gap_removal
            UNION ALL
            SELECT * FROM (SELECT id, NULL::text, NULL::text, NULL::bigint, NULL::timestamptz, NULL::jsonb, 'new removal'::text, decision_id
                           FROM decision_removals WHERE id > ? ORDER BY id LIMIT ?) new_removal""".replace("COLUMNS", DecisionRow.COLUMNS);

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
        try (Connection c = dataSource.getConnection();
             PreparedStatement poll = prepare(c, POLL, from, limit);
             ResultSet rs = poll.executeQuery()) {
            long xmin = 0;
            long xmax = 0;
            long restore = 0;
            List<DecisionRow> gapDecisions = new ArrayList<>();
            List<DecisionRow> newDecisions = new ArrayList<>();
            List<Removal> gapRemovals = new ArrayList<>();
            List<Removal> newRemovals = new ArrayList<>();
            while (rs.next()) {
                switch (rs.getString(7)) {
                    case "snapshot" -> {
                        xmin = rs.getLong(1);
                        xmax = rs.getLong(8);
                    }
                    case "restore" -> restore = rs.getLong(1);
                    // in a gap, only what was not read before: a gap is re-read whole until it is dropped
                    case "gap decision" -> {
                        if (!from.decisions().passed(rs.getLong(1))) {
                            gapDecisions.add(DecisionRow.read(rs, json));
                        }
                    }
                    case "new decision" -> newDecisions.add(DecisionRow.read(rs, json));
                    case "gap removal" -> {
                        if (!from.removals().passed(rs.getLong(1))) {
                            gapRemovals.add(new Removal(rs.getLong(1), rs.getLong(8)));
                        }
                    }
                    default -> newRemovals.add(new Removal(rs.getLong(1), rs.getLong(8)));
                }
            }
            // each part was read in id order; a union does not promise to keep it
            newDecisions.sort(Comparator.comparingLong(DecisionRow::id));
            newRemovals.sort(Comparator.comparingLong(Removal::id));
            return new Poll(xmin, xmax, restore, gapDecisions, newDecisions, gapRemovals, newRemovals,
                    newDecisions.size() == limit || newRemovals.size() == limit);
        }
    }

    /** The cursor's gaps as two arrays, their first and last ids; then the first and last id of them all (null without gaps). */
    private static Object[] ranges(Connection c, FeedCursor cursor) throws SQLException {
        List<FeedCursor.Gap> gaps = cursor.gaps(); // in id order
        return new Object[]{c.createArrayOf("bigint", gaps.stream().map(FeedCursor.Gap::from).toArray()),
                c.createArrayOf("bigint", gaps.stream().map(FeedCursor.Gap::to).toArray()),
                gaps.isEmpty() ? null : gaps.get(0).from(), gaps.isEmpty() ? null : gaps.get(gaps.size() - 1).to()};
    }

    /** {@code sql} ({@link #POLL}, or a test's EXPLAIN of it) with a position's parameters. */
    static PreparedStatement prepare(Connection c, String sql, FeedPosition from, int limit) throws SQLException {
        Object[] parameters = Stream.of(ranges(c, from.decisions()), new Object[]{from.decisions().high(), limit},
                ranges(c, from.removals()), new Object[]{from.removals().high(), limit}).flatMap(Arrays::stream).toArray();
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
