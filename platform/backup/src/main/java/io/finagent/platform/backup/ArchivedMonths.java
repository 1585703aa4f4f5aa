package io.finagent.platform.backup;

import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.export.TableExport;
import io.finagent.platform.partitions.Partitions;
import io.finagent.platform.partitions.RowsLeaving;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The archiver's removal from a monthly partitioned table: each whole month before the cutoff
 * leaves as its partition, detached and dropped (no row deleted one by one, no dead rows left
 * behind), in a transaction of its own that also records its rows' keys in row_changes and lets
 * the service record what its delete triggers would have ({@link RowsLeaving}). A month with a row
 * changed after the archive's snapshot stays attached; the row-by-row removal that follows takes
 * its unchanged rows, as it takes the default partition's.
 */
final class ArchivedMonths {

    private static final Logger LOG = Logger.getLogger(ArchivedMonths.class);

    private ArchivedMonths() {
    }

    /** Rows removed, and months detached. */
    record Removed(long rows, int months) {
    }

    static Removed remove(Connection c, BackedUpTable table, Instant cutoff, String snapshot, List<RowsLeaving> leaving) throws SQLException {
        long rows = 0;
        int months = 0;
        for (Partitions.Partition partition : Partitions.of(c, table.name())) {
            if (partition.month().isEmpty() || partition.to().isAfter(cutoff)) {
                continue;
            }
            long removed = detach(c, table, partition.name(), snapshot, leaving);
            if (removed >= 0) {
                rows += removed;
                months++;
            }
        }
        return new Removed(rows, months);
    }

    /** The month's rows removed, or -1 when it stays (a row changed after the snapshot). */
    private static long detach(Connection c, BackedUpTable table, String partition, String snapshot, List<RowsLeaving> leaving)
            throws SQLException {
        String quoted = BackedUpTable.quote(partition);
        String key = "finagent_row_key(to_jsonb(t), ARRAY[" + String.join(", ", table.keyColumns().stream().map(TableExport::literal).toList()) + "])";
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '10s'");
            s.execute("ALTER TABLE " + table.quoted() + " DETACH PARTITION " + quoted);
            if (changedAfter(c, table, quoted, key, snapshot)) {
                c.rollback();
                LOG.infof("archive: %s has rows changed after the archive's snapshot and stays attached; its other rows leave one by one", partition);
                return -1;
            }
            long rows;
            try (PreparedStatement record = c.prepareStatement("INSERT INTO row_changes (table_name, row_key) SELECT ?, " + key + " FROM " + quoted + " t")) {
                record.setString(1, table.name());
                rows = record.executeLargeUpdate();
            }
            for (RowsLeaving service : leaving) {
                service.leaving(c, table.name(), partition);
            }
            s.execute("DROP TABLE " + quoted);
            c.commit();
            LOG.infof("archive: the month %s of %s left whole (%d rows)", partition, table.name(), rows);
            return rows;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean changedAfter(Connection c, BackedUpTable table, String partition, String key, String snapshot) throws SQLException {
        try (PreparedStatement changed = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + partition + " t JOIN row_changes c ON c.table_name = ?"
                + " AND c.row_key = " + key + " WHERE NOT pg_visible_in_snapshot(c.xid, ?::pg_snapshot))")) {
            changed.setString(1, table.name());
            changed.setString(2, snapshot);
            try (ResultSet rs = changed.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
