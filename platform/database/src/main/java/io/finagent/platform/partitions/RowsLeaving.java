package io.finagent.platform.partitions;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a service must record when a whole month of a table leaves it: a partition dropped after
 * its archive fires no row trigger, so what a service's delete triggers do for rows deleted one by
 * one (memory-service: decision_removals, which every replica's recall index follows) is done here,
 * in the transaction that drops the partition. The platform itself records the rows' keys in
 * row_changes, as the change capture would have.
 */
public interface RowsLeaving {

    /** Called with the month's rows still readable in {@code partition}, detached from {@code table}. */
    void leaving(Connection connection, String table, String partition) throws SQLException;
}
