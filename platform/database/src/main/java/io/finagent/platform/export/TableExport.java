package io.finagent.platform.export;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One export of a service's tables as CSV (with a header), every table read in the same
 * snapshot: a read-only REPEATABLE READ transaction. {@link #snapshot()} is the watermark a
 * later delta starts from: {@link #changedSince} gives the rows whose key changed in a
 * transaction that snapshot did not see, {@link #deletedSince} the keys of those that no longer
 * exist. Blocking JDBC with COPY: run it on a worker thread.
 */
public final class TableExport implements AutoCloseable {

    private final Connection connection;
    private final String snapshot;

    /**
     * Locks the tables it will read before its snapshot, as pg_dump does: a restore empties a
     * table with TRUNCATE, which a snapshot taken before it would see as empty, so the restore
     * waits for this export to end (and this export for a restore under way).
     */
    public TableExport(Connection connection, List<BackedUpTable> tables) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + tables.stream().map(BackedUpTable::quoted).collect(Collectors.joining(", "))
                    + " IN ACCESS SHARE MODE");
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
            row.next();
            this.snapshot = row.getString(1);
        }
    }

    public String snapshot() {
        return snapshot;
    }

    /** Every row; returns how many. */
    public long all(BackedUpTable table, OutputStream csv) throws SQLException, IOException {
        return copyOut("SELECT * FROM " + table.quoted(), csv);
    }

    /** The rows whose {@code column} (a timestamptz) is before {@code before}: what the archiver moves out. */
    public long olderThan(BackedUpTable table, String column, Instant before, OutputStream csv) throws SQLException, IOException {
        return copyOut("SELECT * FROM " + table.quoted() + " WHERE " + BackedUpTable.quote(column) + " < "
                + literal(before.toString()) + "::timestamptz ORDER BY " + table.keys(""), csv);
    }

    public long changedSince(BackedUpTable table, String since, OutputStream csv) throws SQLException, IOException {
        return copyOut("SELECT t.* FROM " + table.quoted() + " t WHERE (" + table.keys("t") + ") IN (SELECT "
                + table.keys("k") + " FROM " + changedKeys(table, since) + ")", csv);
    }

    public long deletedSince(BackedUpTable table, String since, OutputStream csv) throws SQLException, IOException {
        return copyOut("SELECT " + table.keys("k") + " FROM " + changedKeys(table, since) + " WHERE NOT EXISTS (SELECT 1 FROM "
                + table.quoted() + " t WHERE (" + table.keys("t") + ") = (" + table.keys("k") + "))", csv);
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.setReadOnly(false);
        connection.setAutoCommit(true);
    }

    /** The distinct keys changed after {@code since}, typed as the table's columns ({@code k}). */
    private static String changedKeys(BackedUpTable table, String since) {
        return "(SELECT DISTINCT row_key FROM row_changes WHERE table_name = " + literal(table.name())
                + " AND NOT pg_visible_in_snapshot(xid, " + literal(since) + "::pg_snapshot)) c, jsonb_populate_record(NULL::"
                + table.quoted() + ", c.row_key) k";
    }

    private long copyOut(String query, OutputStream csv) throws SQLException, IOException {
        return connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER true)", csv);
    }

    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
