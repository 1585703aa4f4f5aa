package io.finagent.platform.backup;

import io.finagent.platform.export.BackedUpTable;
import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;

/**
 * The tables a service exports for backups: {@code finagent.export.tables.<table>=<key columns>},
 * each with the change-capture trigger of db/backup. None: the service has nothing to export.
 */
@ConfigMapping(prefix = "finagent.export")
public interface ExportConfig {

    Map<String, List<String>> tables();

    default List<BackedUpTable> backedUpTables() {
        return tables().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new BackedUpTable(e.getKey(), e.getValue())).toList();
    }
}
