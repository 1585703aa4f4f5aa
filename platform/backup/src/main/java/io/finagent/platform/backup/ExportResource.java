package io.finagent.platform.backup;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.export.ExportFrames;
import io.finagent.platform.export.TableExport;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
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
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service's data for backup-service, admin only: {@code GET /api/v1/backup/export} streams every
 * exported table ({@link ExportConfig}) as {@link ExportFrames} of CSV, all read in one snapshot,
 * named in {@code X-Backup-Snapshot}; with {@code ?since=<an earlier snapshot>}, the rows changed
 * since ({@code <table>.csv}) and the keys deleted since ({@code <table>.deleted.csv}); with
 * {@code ?tables=a,b}, only those (a configuration backup's strategies and settings, say). A full
 * export of everything ends with the entries of the service's other stores ({@link BackedUpStore}).
 */
@Path("/api/v1/backup/export")
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class);
    public static final String SNAPSHOT_HEADER = "X-Backup-Snapshot";
    /** pg_snapshot's text form: xmin:xmax:xip,xip,... */
    static final Pattern SNAPSHOT = Pattern.compile("\\d{1,20}:\\d{1,20}:(\\d{1,20}(,\\d{1,20})*)?");

    private final ExportConfig config;
    private final AgroalDataSource dataSource;
    private final Instance<BackedUpStore> stores;

    public ExportResource(ExportConfig config, AgroalDataSource dataSource, Instance<BackedUpStore> stores) {
        this.config = config;
        this.dataSource = dataSource;
        this.stores = stores;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response export(@QueryParam("since") String since, @QueryParam("tables") String tables) throws SQLException {
        if (since != null && !SNAPSHOT.matcher(since).matches()) {
            throw ProblemException.invalid("since", "an earlier export's " + SNAPSHOT_HEADER + ", as xmin:xmax:xip,...");
        }
        if (config.backedUpTables().isEmpty()) {
            throw ProblemException.notFound("export of this service's tables", "none configured");
        }
        List<BackedUpTable> chosen = chosen(tables);
        Connection connection = dataSource.getConnection();
        TableExport export;
        try {
            export = new TableExport(connection, chosen);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        boolean withStores = since == null && tables == null; // a full export of everything
        StreamingOutput body = out -> write(connection, export, chosen, since, withStores, out);
        return Response.ok(body).header(SNAPSHOT_HEADER, export.snapshot()).build();
    }

    /** Every exported table, or those named in {@code ?tables=} (each must be one). */
    private List<BackedUpTable> chosen(String tables) {
        List<BackedUpTable> all = config.backedUpTables();
        if (tables == null) {
            return all;
        }
        Set<String> names = new LinkedHashSet<>(Arrays.asList(tables.split(",")));
        List<BackedUpTable> chosen = all.stream().filter(t -> names.contains(t.name())).toList();
        if (chosen.size() != names.size()) {
            throw ProblemException.invalid("tables", "a comma-separated list of exported tables: "
                    + all.stream().map(BackedUpTable::name).toList());
        }
        return chosen;
    }

    private void write(Connection connection, TableExport export, List<BackedUpTable> tables, String since, boolean withStores,
                       OutputStream out) throws IOException {
        try (connection; export) {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            ExportFrames.Writer frames = new ExportFrames.Writer(buffered);
            for (BackedUpTable table : tables) {
                if (since != null) { // deletions first: a key deleted and used again by a new row must be free when it comes
                    try (OutputStream keys = frames.entry(table.name() + ".deleted.csv")) {
                        export.deletedSince(table, since, keys);
                    }
                }
                try (OutputStream rows = frames.entry(table.name() + ".csv")) {
                    if (since == null) {
                        export.all(table, rows);
                    } else {
                        export.changedSince(table, since, rows);
                    }
                }
            }
            if (withStores) {
                for (BackedUpStore store : stores) {
                    store.exportAll(frames);
                }
            }
            frames.finish();
            buffered.flush();
        } catch (SQLException e) {
            throw new IOException("export failed: " + e.getMessage(), e);
        }
        finished(since != null);
    }

    /**
     * The export's last byte is out: the performance report's backup age counts from now. A record
     * that fails is logged, not thrown: the export itself is whole, and the backup must not fail for it.
     */
    private void finished(boolean incremental) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO backup_exports (incremental) VALUES (?)")) {
            insert.setBoolean(1, incremental);
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("export not recorded in backup_exports: %s", e.getMessage());
        }
    }
}
