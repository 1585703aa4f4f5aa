package io.finagent.platform.backup;

import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.export.TableExport;
import org.postgresql.PGConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A restore of a service's tables from the CSV of {@link TableExport}, in one transaction that
 * {@link #commit()} ends (closing without it changes nothing). It needs only the service's own
 * role, the tables' owner: no superuser, no {@code session_replication_role}. Meanwhile the
 * tables' ordinary triggers are disabled (the restore is no change for the next delta; triggers
 * declared {@code ENABLE ALWAYS} still run), and the foreign keys that touch them are dropped, so
 * tables arrive in any order; at the commit the triggers are enabled again and every foreign key
 * is added back, which checks all restored rows at once (a restore that breaks one fails whole).
 */
public final class TableImport implements AutoCloseable {

    private final Connection connection;
    /** What {@link #commit()} runs first: triggers enabled, foreign keys added back. */
    private final List<String> undoneAtCommit = new ArrayList<>();
    private boolean committed;

    public TableImport(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        // memory for the index builds after each table's load (the session's default is 64 MB)
        execute("SET LOCAL maintenance_work_mem = '256MB'");
    }

    /**
     * The table becomes exactly the rows of a full export. As with pg_restore, it is loaded bare
     * and indexed after: its secondary indexes, and the keys no foreign key depends on, are
     * dropped before the COPY and built once over the loaded rows (in this transaction, so a
     * failed restore keeps them), instead of growing row by row.
     */
    public long replaceAll(BackedUpTable table, InputStream csv) throws SQLException, IOException {
        empty(table);
        List<String[]> builtAfter = builtAfterLoad(table);
        for (String[] index : builtAfter) {
            execute(index[0]);
        }
        long rows = copy(table.quoted(), csv).rows();
        for (String[] index : builtAfter) {
            execute(index[1]);
        }
        return rows;
    }

    /**
     * Locks the tables (concurrent writers wait until the restore ends; readers see the old rows
     * until a table is emptied), then silences their ordinary triggers and drops the foreign keys
     * from or to them until {@link #commit()}.
     */
    public void begin(List<BackedUpTable> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        execute("LOCK TABLE " + tables.stream().map(BackedUpTable::quoted).collect(Collectors.joining(", ")) + " IN EXCLUSIVE MODE");
        String regclasses = tables.stream().map(t -> TableExport.literal(t.quoted()) + "::regclass").collect(Collectors.joining(", "));
        List<String[]> statements = rows(
                "SELECT format('ALTER TABLE %s DISABLE TRIGGER %I', t.tgrelid::regclass, t.tgname),"
                + " format('ALTER TABLE %s ENABLE TRIGGER %I', t.tgrelid::regclass, t.tgname)"
                + " FROM pg_trigger t WHERE t.tgrelid IN (" + regclasses + ") AND NOT t.tgisinternal AND t.tgenabled = 'O'"
                + " UNION ALL"
                + " SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),"
                + " format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))"
                + " FROM pg_constraint k WHERE k.contype = 'f' AND k.conparentid = 0" // a partition's copy of a key goes with the key
                + " AND (k.conrelid IN (" + regclasses + ") OR k.confrelid IN (" + regclasses + "))");
        for (String[] statement : statements) {
            execute(statement[0]);
            undoneAtCommit.add(statement[1]);
        }
    }

    /**
     * TRUNCATE leaves no old rows for the load to write beside, as DELETE does (readers wait from
     * here on); no foreign key holds it back, {@link #begin} dropped them.
     */
    private void empty(BackedUpTable table) throws SQLException {
        execute("TRUNCATE " + table.quoted());
    }

    /** How to drop, and how to build again, each index and unreferenced key of the table. */
    private List<String[]> builtAfterLoad(BackedUpTable table) throws SQLException {
        String regclass = TableExport.literal(table.quoted()) + "::regclass";
        String alter = TableExport.literal("ALTER TABLE " + table.quoted() + " ");
        return rows("SELECT " + alter + " || 'DROP CONSTRAINT ' || quote_ident(k.conname),"
                + " " + alter + " || 'ADD CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid)"
                + " FROM pg_constraint k WHERE k.conrelid = " + regclass + " AND k.contype IN ('p', 'u')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid)"
                + " UNION ALL"
                // a partitioned table's index is built whole again: pg_get_indexdef says ON ONLY, which would build none of its partitions
                + " SELECT 'DROP INDEX ' || quote_ident(c.relname), replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = " + regclass
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)");
    }

    /** The two columns of each row of a query that writes statements. */
    private List<String[]> rows(String sql) throws SQLException {
        List<String[]> statements = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                statements.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return statements;
    }

    /**
     * A delta's changed rows, written over the rows of the same key: those rows are deleted and the
     * changed ones inserted (no ON CONFLICT, which needs a unique index of exactly the key: a monthly
     * partitioned table's holds its month column too).
     */
    public long upsert(BackedUpTable table, InputStream changed) throws SQLException, IOException {
        String rows = BackedUpTable.quote("changed_" + table.name());
        execute("CREATE TEMP TABLE " + rows + " (LIKE " + table.quoted() + ")");
        try {
            Copied copied = copy(rows, changed);
            if (!copied.columns().isEmpty()) {
                String list = String.join(", ", copied.columns());
                update("DELETE FROM " + table.quoted() + " t USING " + rows + " c WHERE (" + table.keys("t") + ") = (" + table.keys("c") + ")");
                execute("INSERT INTO " + table.quoted() + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT " + list + " FROM " + rows);
            }
            return copied.rows();
        } finally {
            execute("DROP TABLE IF EXISTS " + rows); // the next delta of this restore brings its own
        }
    }

    /** A delta's deleted keys, removed. */
    public long deleteKeys(BackedUpTable table, InputStream deleted) throws SQLException, IOException {
        String keys = BackedUpTable.quote("deleted_" + table.name());
        execute("CREATE TEMP TABLE " + keys + " AS SELECT " + table.keys("") + " FROM " + table.quoted() + " t WITH NO DATA");
        try {
            copy(keys, deleted);
            return update("DELETE FROM " + table.quoted() + " t USING " + keys + " d WHERE (" + table.keys("t") + ") = (" + table.keys("d") + ")");
        } finally {
            execute("DROP TABLE IF EXISTS " + keys);
        }
    }

    /**
     * Identity sequences continue after the highest restored value, and never go back: an id
     * handed out (and maybe published) before the restore is not handed out again.
     */
    public void advanceIdentities(BackedUpTable table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                     + " AND table_name = " + TableExport.literal(table.name()) + " AND is_identity = 'YES'")) {
            while (rows.next()) {
                identities.add(rows.getString(1));
            }
        }
        for (String column : identities) {
            String quoted = BackedUpTable.quote(column);
            execute("SELECT setval(pg_get_serial_sequence(" + TableExport.literal(table.quoted()) + ", " + TableExport.literal(column)
                    + "), GREATEST((SELECT max(" + quoted + ") FROM " + table.quoted() + "), pg_sequence_last_value(pg_get_serial_sequence("
                    + TableExport.literal(table.quoted()) + ", " + TableExport.literal(column) + ")::regclass), 1))");
        }
    }

    /**
     * Records the restore in {@code data_restores}, in this transaction: every replica of the
     * service learns from it that what it keeps of these tables is stale, and no restore goes unseen.
     */
    public void record(List<BackedUpTable> tables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO data_restores (tables) VALUES (?)")) {
            insert.setArray(1, connection.createArrayOf("text", tables.stream().map(BackedUpTable::name).toArray()));
            insert.executeUpdate();
        }
    }

    public void commit() throws SQLException {
        for (String statement : undoneAtCommit) {
            execute(statement);
        }
        connection.commit();
        committed = true;
    }

    @Override
    public void close() throws SQLException {
        if (!committed) {
            connection.rollback();
        }
        connection.setAutoCommit(true);
    }

    private record Copied(List<String> columns, long rows) {
    }

    /** COPY with the columns the CSV's header names, in its order (none for an empty stream). */
    private Copied copy(String target, InputStream csv) throws SQLException, IOException {
        String header = firstLine(csv);
        if (header.isEmpty()) {
            return new Copied(List.of(), 0);
        }
        List<String> columns = new ArrayList<>();
        for (String name : header.split(",")) {
            columns.add(BackedUpTable.quote(unquote(name)));
        }
        long rows = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + target + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)", csv);
        return new Copied(columns, rows);
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8).strip();
    }

    private long update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
