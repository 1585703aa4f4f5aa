package io.finagent.platform.backup;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change log of incremental backups (row_changes), admin only: {@code DELETE
 * /api/v1/backup/changes?before=<snapshot>} drops the changes that snapshot already saw, once
 * no delta will ever start from an earlier one (backup-service calls it after retention, with
 * its latest full backup's snapshot), and what each {@link BackedUpStore} keeps for the backups.
 */
@Path("/api/v1/backup/changes")
public class ChangeLogResource {

    private static final Logger LOG = Logger.getLogger(ChangeLogResource.class);

    private final AgroalDataSource dataSource;
    private final Instance<BackedUpStore> stores;

    public ChangeLogResource(AgroalDataSource dataSource, Instance<BackedUpStore> stores) {
        this.dataSource = dataSource;
        this.stores = stores;
    }

    @DELETE
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Long> prune(@QueryParam("before") String before) throws SQLException {
        if (before == null || !ExportResource.SNAPSHOT.matcher(before).matches()) {
            throw ProblemException.invalid("before", "an export's " + ExportResource.SNAPSHOT_HEADER + ", as xmin:xmax:xip,...");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM row_changes WHERE pg_visible_in_snapshot(xid, ?::pg_snapshot)")) {
            delete.setString(1, before);
            long pruned = delete.executeLargeUpdate();
            LOG.infof("change log: %d changes seen by snapshot %s pruned", pruned, before);
            Map<String, Long> counts = new LinkedHashMap<>(Map.of("pruned", pruned));
            for (BackedUpStore store : stores) {
                counts.put(store.name(), store.pruneBefore(connection, before));
            }
            return counts;
        }
    }
}
