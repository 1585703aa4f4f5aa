package io.finagent.memory.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.domain.Features;
import io.finagent.memory.domain.Wilson;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The markets of a user's lessons, episodes or patterns that a replica does not hold yet, read in one
 * statement (one snapshot) with the user's generation (V7__market_generations.sql): the rows
 * after the generation held, or all of them when a row was removed or the data restored since.
 * Blocking: call it off the event loop.
 */
@ApplicationScoped
public class MarketRows {

    public enum Kind {
        /** With its present outcomes (behind its evidence), and the newest instant any of the user's lessons was credited at. */
        LESSON("lesson", """
                SELECT m.id, m.generation, m.features::text, m.symbol, m.strategy_id, m.memory_type, m.learned_at, m.relevance_score, 0,
                       m.success_count, m.outcome_count
                FROM ai_memory m WHERE m.user_id = u.id AND m.generation > f.after AND m.generation <= f.generation""",
                "(SELECT max(credited_at) FROM outcome_credits c WHERE c.user_id = u.id AND c.memory_id IS NOT NULL)"),
        /** Only finished episodes: an open one has no result to learn from (and is never finished later). */
        EPISODE("episode", """
                SELECT e.id, e.generation, e.features::text, e.symbol, e.strategy_id, NULL, e.ended_at, 1, 0, NULL, NULL
                FROM episodes e
                WHERE e.user_id = u.id AND e.ended_at IS NOT NULL AND e.generation > f.after AND e.generation <= f.generation""", "NULL"),
        /** With its present record (confidence, occurrences), and the newest instant that record or a pattern changed at. */
        PATTERN("pattern", """
                SELECT p.id, p.generation, (p.pattern_data -> 'features')::text, p.symbol, NULL, p.pattern_type, p.recognized_at,
                       p.confidence, p.occurrences, NULL, NULL
                FROM pattern_recognition p WHERE p.user_id = u.id AND p.generation > f.after AND p.generation <= f.generation""",
                "greatest((SELECT max(credited_at) FROM outcome_credits c WHERE c.user_id = u.id),"
                        + " (SELECT max(recognized_at) FROM pattern_recognition p WHERE p.user_id = u.id))");

        private final String label;
        private final String rows;
        private final String newest;

        Kind(String label, String rows, String newest) {
            this.label = label;
            this.rows = rows;
            this.newest = newest;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A lesson's, episode's or pattern's market; {@code at}: when it was learned, ended or recognised;
     * {@code relevance}: a lesson's relevance score, a pattern's confidence; {@code occurrences}: a pattern's;
     * {@code evidence}: a lesson's ({@link Wilson#evidence}), 1 for the others.
     */
    public record Row(long id, long generation, Map<String, Double> features, String symbol, Long strategyId, String type,
                      Instant at, double relevance, long occurrences, double evidence) {
    }

    /**
     * A row's record as of an earlier instant, in place of the present one: a pattern's confidence
     * (as relevance) and occurrences, a lesson's evidence (1 for a pattern).
     */
    public record Record(double relevance, long occurrences, double evidence) {
    }

    /**
     * Records as of an earlier instant, by id: {@code complete}, one for every row known then (a
     * row without one was not known then), or only those that changed since (the rest as the shelf holds them).
     */
    public record Records(Map<Long, Record> byId, boolean complete) {
    }

    /**
     * The user's generation and the newest restore now; {@code all} when the rows are all of the
     * user's, not the news; {@code newest}: for patterns and lessons, the latest instant any of the
     * user's records changed at (credited, or a pattern recognised; null: none, or episodes).
     */
    public record Changes(long generation, long restore, boolean all, List<Row> rows, Instant newest) {
    }

    private static final String CHANGES = """
            WITH u AS (SELECT ?::text AS id),
            g AS (
                SELECT coalesce(max(generation), 0) AS generation, coalesce(max(removed), 0) AS removed,
                       (SELECT coalesce(max(id), 0) FROM data_restores) AS restore
                FROM market_generations WHERE user_id = (SELECT id FROM u) AND kind = ?),
            f AS (SELECT generation, restore, CASE WHEN removed > ? OR restore <> ? THEN -1 ELSE ? END AS after FROM g)
            SELECT f.generation, f.restore, f.after, %s, r.* FROM u CROSS JOIN f LEFT JOIN LATERAL (%s) r ON true""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public MarketRows(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** What changed since {@code generation} and {@code restore} were read (-1 and -1: nothing is held). */
    public Changes since(Kind kind, String userId, long generation, long restore) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(CHANGES.formatted(kind.newest, kind.rows))) {
            select.setString(1, userId);
            select.setString(2, kind.label);
            select.setLong(3, generation);
            select.setLong(4, restore);
            select.setLong(5, generation);
            select.setFetchSize(10_000);
            c.setAutoCommit(false); // the fetch size is a cursor only in a transaction
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                long now = 0;
                long restored = 0;
                long after = 0;
                Instant newest = null;
                while (rs.next()) {
                    now = rs.getLong(1);
                    restored = rs.getLong(2);
                    after = rs.getLong(3);
                    OffsetDateTime latest = rs.getObject(4, OffsetDateTime.class);
                    newest = latest == null ? null : latest.toInstant();
                    if (rs.getObject(5) != null) {
                        rows.add(row(rs));
                    }
                }
                return new Changes(now, restored, after < 0, rows, newest);
            } finally {
                c.rollback(); // read only
            }
        }
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    private Row row(ResultSet rs) throws SQLException {
        try {
            long strategy = rs.getLong(9);
            Long strategyId = rs.wasNull() ? null : strategy;
            String features = rs.getString(7);
            long outcomes = rs.getLong(15);
            double evidence = rs.wasNull() ? 1 : Wilson.evidence(rs.getLong(14), outcomes);
            // symbols and types repeat across thousands of rows: held once each
            return new Row(rs.getLong(5), rs.getLong(6), Features.of(features == null ? null : json.readValue(features, Object.class)),
                    intern(rs.getString(8)), strategyId, intern(rs.getString(10)), rs.getObject(11, OffsetDateTime.class).toInstant(),
                    rs.getDouble(12), rs.getLong(13), evidence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("features of row " + rs.getLong(5) + " are not JSON", e);
        }
    }
}
