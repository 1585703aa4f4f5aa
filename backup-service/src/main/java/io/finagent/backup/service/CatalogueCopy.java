package io.finagent.backup.service;

import io.agroal.api.AgroalDataSource;
import io.finagent.backup.archive.ArchiveWriter;
import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.export.TableExport;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * backup-service's own catalogue in every full backup: its tables as CSV, read in one snapshot,
 * entries {@code backup-service/catalogue/<table>.csv}. The archives' manifests already describe
 * their backups (a lost catalogue is rebuilt from them, {@link CatalogueRebuild}); this copy
 * keeps what no manifest holds: the restores done, the last verifications, the backups retention
 * removed, the schedules, the retention policies and the archiver's runs.
 */
@ApplicationScoped
public class CatalogueCopy {

    private static final String PREFIX = "backup-service/catalogue/";
    private static final List<BackedUpTable> TABLES = List.of(new BackedUpTable("backups", List.of("id")), new BackedUpTable("restores", List.of("id")),
            new BackedUpTable("backup_schedules", List.of("id")), new BackedUpTable("retention_policies", List.of("id")),
            new BackedUpTable("archive_runs", List.of("id")));

    private final AgroalDataSource dataSource;

    public CatalogueCopy(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void write(ArchiveWriter archive) throws IOException {
        try (Connection connection = dataSource.getConnection(); TableExport export = new TableExport(connection, TABLES)) {
            for (BackedUpTable table : TABLES) {
                try (OutputStream entry = archive.entry(PREFIX + table.name() + ".csv")) {
                    export.all(table, entry);
                }
            }
        } catch (SQLException e) {
            throw new IOException("backup-service's catalogue could not be read: " + e.getMessage(), e);
        }
    }
}
