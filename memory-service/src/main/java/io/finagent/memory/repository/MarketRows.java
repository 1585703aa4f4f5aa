package io.finagent.memory.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.domain.Features;
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
 * The markets of a user's lessons or episodes that a replica does not hold yet, read in one
 * statement (one snapshot) with the user's generation (V7__market_generations.sql): the rows
 * after the generation held, or all of them when a row was removed or the data restored since.
 * Blocking: call it off the event loop.
 */
@ApplicationScoped
public class MarketRows {

    public enum Kind {
        LESSON("lesson", """
                SELECT m.id, m.generation, m.features::text, m.symbol, m.strategy_id, m.memory_type, m.learned_at, m.relevance_score
                FROM ai_memory m WHERE m.user_id = ? AND m.generation > f.after AND m.generation <= f.generation"""),
        /** Only finished episodes: an open one has no result to learn from (and is never finished later). */
        EPISODE("episode", """
                SELECT e.id, e.generation, e.features::text, e.symbol, e.strategy_id, NULL, e.ended_at, 1
                FROM episodes e WHERE e.user_id = ? AND e.ended_at IS NOT NULL AND e.generation > f.after AND e.generation <= f.generation""");

        private final String label;
        private final String rows;

        Kind(String label, String rows) {
            this.label = label;
            this.rows = rows;
        }

        public String label() {
            return label;
        }
    }

    /** A lesson's or episode's market; {@code at} is when it was learned (a lesson) or ended (an episode). */
    public record Row(long id, long generation, Map<String, Double> features, String symbol, Long strategyId, String type,
                      Instant at, double relevance) {
    }

    /** The user's generation and the newest restore now; {@code all} when the rows are all of the user's, not the news. */
    public record Changes(long generation, long restore, boolean all, List<Row> rows) {
    }

    private static final String CHANGES = """
            WITH g AS (
                SELECT coalesce(max(generation), 0) AS generation, coalesce(max(removed), 0) AS removed,
                       (SELECT coalesce(max(id), 0) FROM data_restores) AS restore
                FROM market_generations WHERE user_id = ? AND kind = ?),
            f AS (SELECT generation, restore, CASE WHEN removed > ? OR restore <> ? THEN -1 ELSE ? END AS after FROM g)
            SELECT f.generation, f.restore, f.after, r.* FROM f LEFT JOIN LATERAL (%s) r ON true""";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public MarketRows(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** What changed since {@code generation} and {@code restore} were read (-1 and -1: nothing is held). */
    public Changes since(Kind kind, String userId, long generation, long restore) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(CHANGES.formatted(kind.rows))) {
            select.setString(1, userId);
            select.setString(2, kind.label);
            select.setLong(3, generation);
            select.setLong(4, restore);
            select.setLong(5, generation);
            select.setString(6, userId);
            select.setFetchSize(10_000);
            c.setAutoCommit(false); // the fetch size is a cursor only in a transaction
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                long now = 0;
                long restored = 0;
                long after = 0;
                while (rs.next()) {
                    now = rs.getLong(1);
                    restored = rs.getLong(2);
                    after = rs.getLong(3);
                    if (rs.getObject(4) != null) {
                        rows.add(row(rs));
                    }
                }
                return new Changes(now, restored, after < 0, rows);
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
            long strategy = rs.getLong(8);
            Long strategyId = rs.wasNull() ? null : strategy;
            // symbols and types repeat across thousands of rows: held once each
            return new Row(rs.getLong(4), rs.getLong(5), Features.of(json.readValue(rs.getString(6), OBJECT)), intern(rs.getString(7)),
                    strategyId, intern(rs.getString(9)), rs.getObject(10, OffsetDateTime.class).toInstant(), rs.getDouble(11));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("features of row " + rs.getLong(4) + " are not JSON", e);
        }
    }
}
