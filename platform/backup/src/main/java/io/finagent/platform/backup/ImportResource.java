package io.finagent.platform.backup;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.export.ExportFrames;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A restore of a service's tables, admin only: {@code POST /api/v1/backup/import} takes
 * {@link ExportFrames} whose entries are a full export's {@code full/<table>.csv}, then each
 * delta's {@code delta/<table>.csv} and {@code delta/<table>.deleted.csv}, in the order of the
 * chain; a full export's entries of another store ({@code full/<store>/...}, {@link BackedUpStore}) go to that store. All
 * of it is one transaction: a bad entry, bad CSV or a body cut off before the end marker is a 400
 * naming the entry, and nothing changes.
 */
@Path(ImportResource.PATH)
public class ImportResource {

    static final String PATH = "/api/v1/backup/import";

    public record Imported(Map<String, Long> rows) {
    }

    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    private final ExportConfig config;
    private final AgroalDataSource dataSource;
    private final Event<DataRestored> restored;
    private final Instance<BackedUpStore> stores;

    public ImportResource(ExportConfig config, AgroalDataSource dataSource, Event<DataRestored> restored, Instance<BackedUpStore> stores) {
        this.config = config;
        this.dataSource = dataSource;
        this.restored = restored;
        this.stores = stores;
    }

    @POST
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public Imported restore(InputStream body) throws SQLException {
        List<BackedUpTable> tables = config.backedUpTables();
        if (tables.isEmpty()) {
            throw ProblemException.notFound("import of this service's tables", "none configured");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        String entry = "body";
        boolean committed = false;
        try (Connection connection = dataSource.getConnection(); TableImport restore = new TableImport(connection)) {
            for (BackedUpStore store : stores) {
                store.beforeRestore(connection);
            }
            restore.begin(tables);
            ExportFrames.Reader frames = new ExportFrames.Reader(new BufferedInputStream(body, 1 << 16));
            for (entry = frames.next(); entry != null; entry = frames.next()) {
                rows.put(entry, apply(connection, restore, entry, frames.data()));
            }
            entry = "body";
            for (BackedUpTable table : tables) {
                restore.advanceIdentities(table);
            }
            restore.record(tables);
            for (BackedUpStore store : stores) {
                store.restored(connection, rows.keySet());
            }
            restore.commit();
            committed = true;
        } catch (EOFException e) {
            throw ProblemException.invalid(entry, "the body ends before the export's end marker; nothing was restored");
        } catch (SQLException | IOException e) {
            if (!committed) {
                throw ProblemException.invalid(entry, "cannot be restored (" + e.getMessage() + "); nothing was restored");
            }
            LOG.warnf("restored, then the connection did not close cleanly (%s)", e.getMessage());
        }
        LOG.infof("restored %d entries: %s", rows.size(), rows);
        try {
            restored.fire(new DataRestored(tables.stream().map(BackedUpTable::name).toList()));
        } catch (RuntimeException e) {
            // the data is restored for good: what a listener failed to refresh (a cache) is logged, not a failed restore
            LOG.errorf(e, "restored, but a listener of the restore failed; its derived state may be stale until it is rebuilt");
        }
        return new Imported(rows);
    }

    private long apply(Connection connection, TableImport restore, String entry, InputStream csv) throws SQLException, IOException {
        int slash = entry.indexOf('/');
        String kind = slash < 0 ? "" : entry.substring(0, slash);
        String file = entry.substring(slash + 1);
        for (BackedUpStore store : stores) {
            if (kind.equals("full") && file.startsWith(store.name() + "/")) {
                return store.restore(connection, file, csv);
            }
        }
        boolean deleted = file.endsWith(".deleted.csv");
        String tableName = file.substring(0, Math.max(0, file.length() - (deleted ? ".deleted.csv" : ".csv").length()));
        Optional<BackedUpTable> table = config.backedUpTables().stream().filter(t -> t.name().equals(tableName)).findFirst();
        if (table.isEmpty() || !file.endsWith(".csv")) {
            throw ProblemException.invalid(entry, "names no exported table of this service; nothing was restored");
        }
        return switch (kind) {
            case "full" -> {
                if (deleted) {
                    throw ProblemException.invalid(entry, "a full export has no deleted keys; nothing was restored");
                }
                yield restore.replaceAll(table.get(), csv);
            }
            case "delta" -> deleted ? restore.deleteKeys(table.get(), csv) : restore.upsert(table.get(), csv);
            default -> throw ProblemException.invalid(entry, "is neither full/<table>.csv nor delta/<table>[.deleted].csv; nothing was restored");
        };
    }
}
