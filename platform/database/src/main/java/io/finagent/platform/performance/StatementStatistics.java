package io.finagent.platform.performance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * pg_stat_statements read for the service's own role and database, without the statements the
 * advice and the report send themselves (each carries {@link #OWN} in a comment) and without
 * transaction control, settings and the advice's PREPARE/EXPLAIN.
 */
final class StatementStatistics {

    /** The mark of this package's own statements, so that they never advise themselves. */
    static final String OWN = "/* finagent:statistics */ ";

    private static final String SELECT = OWN + """
            SELECT query, calls, total_exec_time, mean_exec_time, max_exec_time, rows FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND userid = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND toplevel
               AND query NOT LIKE '%%finagent:statistics%%'
               AND query !~* '^\\s*(begin|commit|rollback|savepoint|release|set|show|reset|prepare|explain|deallocate|discard|select 1$)'
             ORDER BY %s DESC LIMIT ?""";

    enum Order {
        CALLS("calls"), MEAN("mean_exec_time"), TOTAL("total_exec_time");

        private final String column;

        Order(String column) {
            this.column = column;
        }
    }

    private StatementStatistics() {
    }

    /**
     * Whether the database shows the figures: the extension is created and the server preloads its
     * library (which the service's role may not ask of the settings: the view refuses to read otherwise).
     */
    static boolean available(Connection connection) throws SQLException {
        if (!Catalog.hasExtension(connection, "pg_stat_statements")) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Savepoint probe = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            st.execute(OWN + "SELECT FROM pg_stat_statements LIMIT 0");
            connection.releaseSavepoint(probe);
            return true;
        } catch (SQLException notLoaded) {
            connection.rollback(probe);
            return false;
        } finally {
            if (autoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    static List<StatementFigures> read(Connection connection, Order order, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT.formatted(order.column))) {
            ps.setInt(1, limit);
            List<StatementFigures> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StatementFigures(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getLong(6)));
                }
            }
            return out;
        }
    }
}
