package io.finagent.platform.performance;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.performance.PerformanceReport.TableStorage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Today's size of each table, kept in {@code storage_samples} (the day's last sample wins) for the
 * report's growth per day; samples and export records older than {@code storage-history} go (but
 * the newest export's, which the backup age counts from).
 * Every replica samples alike: the same rows, the same figures.
 */
@ApplicationScoped
public class StorageSamples {

    private static final Logger LOG = Logger.getLogger(StorageSamples.class);

    private final AgroalDataSource dataSource;
    private final PerformanceConfig config;

    public StorageSamples(AgroalDataSource dataSource, PerformanceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${finagent.performance.storage-sample-interval}", delayed = "${finagent.performance.storage-sample-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sample() {
        try (Connection c = dataSource.getConnection()) {
            record(c);
        } catch (SQLException e) {
            LOG.warnf("storage not sampled: %s", e.getMessage());
        }
    }

    void record(Connection c) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(StatementStatistics.OWN + """
                INSERT INTO storage_samples (table_name, sampled_on, bytes, live_rows) VALUES (?, current_date, ?, ?)
                ON CONFLICT (table_name, sampled_on) DO UPDATE SET bytes = excluded.bytes, live_rows = excluded.live_rows""");
             PreparedStatement purge = c.prepareStatement(StatementStatistics.OWN
                     + "DELETE FROM storage_samples WHERE sampled_on < current_date - ?::int")) {
            for (TableStorage table : DatabaseFigures.tables(c)) {
                upsert.setString(1, table.table());
                upsert.setLong(2, table.bytes());
                upsert.setLong(3, table.rows());
                upsert.addBatch();
            }
            upsert.executeBatch();
            purge.setLong(1, config.storageHistory().toDays());
            purge.executeUpdate();
        }
        if (Catalog.isTable(c, "backup_exports")) {
            try (PreparedStatement purge = c.prepareStatement(StatementStatistics.OWN
                    + "DELETE FROM backup_exports WHERE finished_at < now() - make_interval(days => ?::int)"
                    + " AND id < (SELECT max(id) FROM backup_exports)")) { // the newest stays: the backup age must grow, not vanish
                purge.setLong(1, config.storageHistory().toDays());
                purge.executeUpdate();
            }
        }
    }
}
