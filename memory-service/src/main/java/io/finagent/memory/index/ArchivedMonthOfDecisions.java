package io.finagent.memory.index;

import io.finagent.platform.partitions.RowsLeaving;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A month of decision_history archived whole (its partition dropped) fires no delete trigger: its
 * decision ids are recorded in decision_removals here, as the trigger records rows deleted one by
 * one, so that every replica's recall index lets them go.
 */
@ApplicationScoped
public class ArchivedMonthOfDecisions implements RowsLeaving {

    @Override
    public void leaving(Connection connection, String table, String partition) throws SQLException {
        if (!"decision_history".equals(table)) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO decision_removals (decision_id) SELECT id FROM \"" + partition.replace("\"", "\"\"") + "\"");
        }
    }
}
