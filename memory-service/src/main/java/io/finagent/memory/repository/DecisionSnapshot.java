package io.finagent.memory.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.domain.Features;
import io.finagent.memory.index.IndexedDecision;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every decision as the recall index needs it, read in one consistent snapshot and streamed
 * (JDBC with a fetch size: a million rows must not sit in memory at once). Blocking: call it
 * from a worker thread.
 */
@ApplicationScoped
public class DecisionSnapshot {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public DecisionSnapshot(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM decision_history");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void forEach(int fetchSize, Consumer<IndexedDecision> consumer) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement all = c.prepareStatement("""
                    SELECT id, user_id, symbol, strategy_id, decided_at, market_context->'features'
                    FROM decision_history""")) {
                all.setFetchSize(fetchSize);
                try (ResultSet rs = all.executeQuery()) {
                    while (rs.next()) {
                        String features = rs.getString(6);
                        consumer.accept(new IndexedDecision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant(),
                                features == null ? Map.of() : Features.of(json.readValue(features, OBJECT))));
                    }
                }
            }
            c.commit();
        }
    }
}
