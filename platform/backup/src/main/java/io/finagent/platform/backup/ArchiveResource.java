package io.finagent.platform.backup;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.export.ExportFrames;
import io.finagent.platform.export.TableExport;
import io.finagent.platform.partitions.Partitions;
import io.finagent.platform.partitions.RowsLeaving;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Old rows leaving a hot table for backup-service's archives, admin only, in two steps so that no
 * row is lost between them: {@code GET /api/v1/backup/archive?table=&column=&before=} streams the
 * rows whose timestamp column is older (in one snapshot, named in X-Backup-Snapshot); once the
 * archive is safely written, {@code DELETE} with the same parameters and {@code snapshot=} removes
 * them, except any row changed after that snapshot (change capture tells), which stays for the
 * next run. A monthly partitioned table ({@code docs/partitions.md}) archived by its partition
 * column moves whole months: the cutoff goes back to its month's start, and each month before it
 * leaves as its partition ({@link ArchivedMonths}). ai_memory and transactions are never archived.
 */
@Path("/api/v1/backup/archive")
public class ArchiveResource {

    private static final Logger LOG = Logger.getLogger(ArchiveResource.class);

    private final ExportConfig config;
    private final AgroalDataSource dataSource;
    private final List<RowsLeaving> leaving;

    public ArchiveResource(ExportConfig config, AgroalDataSource dataSource, @Any Instance<RowsLeaving> leaving) {
        this.config = config;
        this.dataSource = dataSource;
        this.leaving = leaving.stream().toList();
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response rows(@QueryParam("table") String table, @QueryParam("column") String column, @QueryParam("before") String before)
            throws SQLException {
        BackedUpTable archived = archivable(table);
        Connection connection = dataSource.getConnection();
        try {
            checkTimestampColumn(connection, archived, column);
            Instant cutoff = cutoff(connection, archived, column, instant(before));
            TableExport export = new TableExport(connection, List.of(archived));
            StreamingOutput body = out -> write(connection, export, archived, column, cutoff, out);
            return Response.ok(body).header(ExportResource.SNAPSHOT_HEADER, export.snapshot()).build();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @DELETE
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Long> remove(@QueryParam("table") String table, @QueryParam("column") String column,
                                    @QueryParam("before") String before, @QueryParam("snapshot") String snapshot) throws SQLException {
        BackedUpTable archived = archivable(table);
        Instant requested = instant(before);
        if (snapshot == null || !ExportResource.SNAPSHOT.matcher(snapshot).matches()) {
            throw ProblemException.invalid("snapshot", "the archive read's " + ExportResource.SNAPSHOT_HEADER);
        }
        try (Connection connection = dataSource.getConnection()) {
            checkTimestampColumn(connection, archived, column);
            Instant cutoff = cutoff(connection, archived, column, requested);
            ArchivedMonths.Removed months = monthly(connection, archived, column)
                    ? ArchivedMonths.remove(connection, archived, cutoff, snapshot, leaving) : new ArchivedMonths.Removed(0, 0);
            String keys = "ARRAY[" + String.join(", ", archived.keyColumns().stream().map(TableExport::literal).toList()) + "]";
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + archived.quoted() + " t WHERE t."
                    + BackedUpTable.quote(column) + " < ?::timestamptz AND NOT EXISTS (SELECT 1 FROM row_changes c WHERE c.table_name = ?"
                    + " AND c.row_key = finagent_row_key(to_jsonb(t), " + keys + ") AND NOT pg_visible_in_snapshot(c.xid, ?::pg_snapshot))")) {
                delete.setString(1, cutoff.toString());
                delete.setString(2, archived.name());
                delete.setString(3, snapshot);
                long deleted = delete.executeLargeUpdate();
                LOG.infof("archive: %d rows of %s older than %s left the table (%d of them in %d whole months)",
                        deleted + months.rows(), archived.name(), cutoff, months.rows(), months.months());
                return Map.of("deleted", deleted + months.rows(), "monthsDetached", (long) months.months());
            }
        }
    }

    private void write(Connection connection, TableExport export, BackedUpTable table, String column, Instant cutoff, OutputStream out)
            throws IOException {
        try (connection; export) {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            ExportFrames.Writer frames = new ExportFrames.Writer(buffered);
            try (OutputStream rows = frames.entry(table.name() + ".csv")) {
                export.olderThan(table, column, cutoff, rows);
            }
            frames.finish();
            buffered.flush();
        } catch (SQLException e) {
            throw new IOException("archive read failed: " + e.getMessage(), e);
        }
    }

    private BackedUpTable archivable(String table) {
        if (table != null && BackedUpTable.NEVER_ARCHIVED.contains(table)) {
            throw ProblemException.invalid("table", table + " is never archived");
        }
        return config.backedUpTables().stream().filter(t -> t.name().equals(table)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("table", "one of this service's exported tables: "
                        + config.backedUpTables().stream().map(BackedUpTable::name).toList()));
    }

    /** Whole months leave a table partitioned by month of that column: the cutoff is its month's start. */
    private static Instant cutoff(Connection connection, BackedUpTable table, String column, Instant requested) throws SQLException {
        return monthly(connection, table, column) ? Partitions.monthStart(requested) : requested;
    }

    private static boolean monthly(Connection connection, BackedUpTable table, String column) throws SQLException {
        return Partitions.table(connection, table.name()).filter(t -> t.column().equals(column)).isPresent();
    }

    private static Instant instant(String before) {
        try {
            return Instant.parse(before == null ? "" : before);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("before", "an ISO-8601 UTC instant, e.g. 2026-01-01T00:00:00Z");
        }
    }

    /** Only a timestamp column of the table itself: the name goes into SQL. */
    private static void checkTimestampColumn(Connection connection, BackedUpTable table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND column_name = ? AND data_type = 'timestamp with time zone'")) {
            query.setString(1, table.name());
            query.setString(2, column);
            try (ResultSet found = query.executeQuery()) {
                if (!found.next()) {
                    throw ProblemException.invalid("column", "a timestamptz column of " + table.name());
                }
            }
        }
    }
}
