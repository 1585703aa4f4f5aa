package io.finagent.memory.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Every decision as the recall index needs it, read in one consistent snapshot and streamed
 * (JDBC with a fetch size: a million rows must not sit in memory at once). Blocking: call it
 * from a worker thread.
 */
@ApplicationScoped
public class DecisionSnapshot {

    /** Where the snapshot stands in the feed: the highest ids it holds, the newest restore, and how many decisions. */
    public record Start(long decisionsHigh, long removalsHigh, long restore, long count) {
    }

    private static final String START = """
            SELECT coalesce((SELECT max(id) FROM decision_history), 0), coalesce((SELECT max(id) FROM decision_removals), 0),
                   coalesce((SELECT max(id) FROM data_restores), 0), (SELECT count(*) FROM decision_history)""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public DecisionSnapshot(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Streams every row of a snapshot in which no writer of decision_history was under way: its
     * snapshot is taken while another connection holds a SHARE lock, which waits for the writers
     * in progress and holds new ones back for those few milliseconds. So every id up to the
     * highest is in the snapshot or will never be, and the feed goes on from there with no gap.
     */
    public Start forEach(int fetchSize, Consumer<Start> started, Consumer<DecisionRow> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Start start = startWithoutWriters(c);
            started.accept(start);
            try (PreparedStatement all = c.prepareStatement("SELECT " + DecisionRow.COLUMNS + " FROM decision_history")) {
                all.setFetchSize(fetchSize);
                try (ResultSet rs = all.executeQuery()) {
                    while (rs.next()) {
                        rows.accept(DecisionRow.read(rs, json));
                    }
                }
            }
            c.commit();
            return start;
        }
    }

    private Start startWithoutWriters(Connection reader) throws SQLException {
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("LOCK TABLE decision_history IN SHARE MODE")) {
                lock.execute();
                try (PreparedStatement start = reader.prepareStatement(START); ResultSet rs = start.executeQuery()) {
                    rs.next(); // the reader's snapshot is taken here, under the lock
                    return new Start(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            } finally {
                locker.rollback();
            }
        }
    }
}
