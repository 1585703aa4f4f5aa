package io.finagent.platform.migration;

import io.finagent.platform.problem.ProblemException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service's schema versions, forward with Flyway and back with the down script kept beside each
 * up script ({@code D7__series_log.sql} beside {@code V7__series_log.sql}; Flyway's free edition
 * has no undo, and ignores the {@code D} files). A rollback runs the down scripts of the last
 * steps applied, newest first, and deletes their rows from Flyway's history in the same
 * transaction, so Flyway sees them pending again. A rollback that would drop data is refused
 * unless confirmed ({@link DataLoss}).
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);
    /** One rollback at a time per database (Flyway takes its own lock for migrations). */
    private static final long ROLLBACK_LOCK = 0x5c4e3aL;

    private final Flyway flyway;
    private final DataSource dataSource;

    public SchemaMigrations(Flyway flyway, DataSource dataSource) {
        this.flyway = flyway;
        this.dataSource = dataSource;
    }

    public MigrationReport report() {
        var info = flyway.info();
        List<MigrationStep> applied = Arrays.stream(info.applied()).map(this::step).toList();
        List<MigrationStep> pending = Arrays.stream(info.pending()).map(this::step).toList();
        MigrationInfo current = info.current();
        return new MigrationReport(current == null ? null : current.getVersion().getVersion(), applied, pending);
    }

    /** Applies the pending steps up to the version (all of them when empty); a version no step has is refused. */
    public MigrationReport migrateTo(Optional<String> version) {
        String target = version.map(this::knownVersion).orElse("latest");
        MigrateResult result = Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration()).target(target).load().migrate();
        LOG.infof("schema migrated to %s: %d steps applied", target, result.migrationsExecuted);
        return report();
    }

    /**
     * Undoes the last steps applied, newest first, in one transaction. When that would drop rows
     * (a table or column that holds data, rows deleted), nothing changes unless the loss is confirmed.
     */
    public Rollback rollback(int steps, boolean confirmDataLoss) {
        if (steps < 1) {
            throw ProblemException.invalid("steps", "must be at least 1");
        }
        List<MigrationInfo> undone = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getVersion() != null && m.getState().isApplied() && !m.getState().isFailed())
                .sorted(Comparator.comparingInt(MigrationInfo::getInstalledRank).reversed()).limit(steps).toList();
        if (undone.size() < steps) {
            throw ProblemException.invalid("steps", "only " + undone.size() + " steps are applied");
        }
        List<String> downs = undone.stream().map(this::downScript).toList();
        List<DataLoss> dropped = undo(undone, downs, confirmDataLoss);
        LOG.infof("schema rolled back: %s (data dropped: %s)", describe(undone), dropped);
        // Flyway's report takes connections of its own: only once this one is back in the (small) pool
        return new Rollback(undone.stream().map(this::step).toList(), dropped, report());
    }

    private List<DataLoss> undo(List<MigrationInfo> undone, List<String> downs, boolean confirmDataLoss) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "SELECT pg_advisory_xact_lock(" + ROLLBACK_LOCK + ")");
                List<DataLoss> loss = DataLoss.of(connection, () -> runAll(connection, downs), flyway.getConfiguration().getTable());
                if (!loss.isEmpty() && !confirmDataLoss) {
                    throw ProblemException.conflict("rolling back " + describe(undone) + " would drop data: " + loss
                            + "; nothing was changed (send \"confirmDataLoss\": true to drop it)");
                }
                runAll(connection, downs);
                forget(connection, undone);
                connection.commit();
                return loss;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw ProblemException.unprocessable("steps", "the rollback failed and changed nothing: " + e.getMessage());
        }
    }

    private void runAll(Connection connection, List<String> downs) throws SQLException {
        for (String down : downs) {
            execute(connection, down);
        }
    }

    /** Flyway's history forgets the steps, so it sees them pending again. */
    private void forget(Connection connection, List<MigrationInfo> undone) throws SQLException {
        String table = flyway.getConfiguration().getTable();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM \"" + table + "\" WHERE installed_rank = ?")) {
            for (MigrationInfo step : undone) {
                delete.setInt(1, step.getInstalledRank());
                delete.executeUpdate();
            }
        }
    }

    /** The down script's text, from the location its up script came from. */
    private String downScript(MigrationInfo step) {
        return findDown(step.getScript()).orElseThrow(() -> ProblemException.unprocessable("steps",
                "step " + step.getVersion() + " (" + step.getScript() + ") has no down script D" + step.getScript().substring(1)
                        + "; nothing was changed"));
    }

    private Optional<String> findDown(String upScript) {
        String down = "D" + upScript.substring(upScript.lastIndexOf('/') + 1).substring(1);
        for (var location : flyway.getConfiguration().getLocations()) {
            try (InputStream in = flyway.getConfiguration().getClassLoader().getResourceAsStream(location.getRootPath() + "/" + down)) {
                if (in != null) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + down, e);
            }
        }
        return Optional.empty();
    }

    private String knownVersion(String version) {
        MigrationVersion wanted;
        try {
            wanted = MigrationVersion.fromVersion(version);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("version", "is not a schema version (" + e.getMessage() + ")");
        }
        boolean known = Arrays.stream(flyway.info().all()).anyMatch(m -> wanted.equals(m.getVersion()));
        if (!known) {
            throw ProblemException.invalid("version", "no migration step has version " + version);
        }
        return version;
    }

    private MigrationStep step(MigrationInfo m) {
        return new MigrationStep(m.getVersion() == null ? null : m.getVersion().getVersion(), m.getDescription(), m.getScript(),
                m.getState().getDisplayName(), m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(),
                m.getScript() != null && findDown(m.getScript()).isPresent());
    }

    private static String describe(List<MigrationInfo> steps) {
        return steps.stream().map(m -> m.getVersion().getVersion()).toList().toString();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
