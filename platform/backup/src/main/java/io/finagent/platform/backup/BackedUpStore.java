package io.finagent.platform.backup;

import io.finagent.platform.export.ExportFrames;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * A store besides PostgreSQL whose data a service's backups carry (portfolio-service's time
 * series in QuestDB), as a bean the export and import find. A full export ends with its entries,
 * {@code <name>/...}, in the store's own export format; an import hands them back inside its
 * transaction, so nothing reaches the store unless the whole restore commits.
 */
public interface BackedUpStore {

    /** The folder of its entries in an export: {@code series} for {@code series/prices.csv}. */
    String name();

    /** Every entry of a full export: what the store holds now, read through its own export. */
    void exportAll(ExportFrames.Writer frames) throws IOException;

    /** First in an import's transaction, before any table is touched (a lock against the store's writer). */
    void beforeRestore(Connection connection) throws SQLException;

    /** One of its entries ({@code <name>/...}, as exported), read back in the import's transaction. */
    long restore(Connection connection, String entry, InputStream data) throws SQLException, IOException;

    /** Last in an import's transaction, with the names of every entry it restored ({@code full/<name>/...}, {@code delta/<table>.csv}). */
    void restored(Connection connection, Set<String> entries) throws SQLException;

    /** What the backups no longer need once a full backup has seen {@code snapshot} (with the change log's pruning). */
    long pruneBefore(Connection connection, String snapshot) throws SQLException;
}
