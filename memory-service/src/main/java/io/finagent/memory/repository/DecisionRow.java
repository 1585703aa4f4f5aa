package io.finagent.memory.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.domain.Features;
import io.finagent.memory.index.IndexedDecision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A decision_history row as the recall index reads it: the decision, or why it cannot be read
 * (a row written before the edge refused such values, a bug): one bad row is skipped and
 * reported, it never stops the index.
 */
public record DecisionRow(long id, IndexedDecision decision, String problem) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "id, user_id, symbol, strategy_id, decided_at, market_context->'features'";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    static DecisionRow read(ResultSet rs, ObjectMapper json) throws SQLException {
        long id = rs.getLong(1);
        try {
            String features = rs.getString(6);
            return new DecisionRow(id, new IndexedDecision(id, rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getObject(5, OffsetDateTime.class).toInstant(),
                    features == null ? Map.of() : Features.of(json.readValue(features, OBJECT))), null);
        } catch (Exception e) {
            return new DecisionRow(id, null, "unreadable row: " + e);
        }
    }
}
