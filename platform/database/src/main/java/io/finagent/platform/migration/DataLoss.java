package io.finagent.platform.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rollback would drop: a table that holds rows, a column that holds values, rows deleted.
 * Found by running the down scripts once to a savepoint and back: the tables and columns gone,
 * and the transaction's own deletions ({@code pg_stat_xact_user_tables}), then counted in the
 * rows as they were.
 */
public record DataLoss(String what, long rows) {

    @FunctionalInterface
    interface Step {
        void run() throws SQLException;
    }

    @Override
    public String toString() {
        return what + " (" + rows + " rows)";
    }

    /** What the step would drop, measured in the caller's transaction, which it leaves as it found it. */
    static List<DataLoss> of(Connection connection, Step step, String historyTable) throws SQLException {
        Map<String, Set<String>> before = columns(connection);
        Map<String, Set<String>> after;
        Map<String, Long> deleted = new HashMap<>();
        execute(connection, "SAVEPOINT rollback_probe");
        try {
            step.run();
            after = columns(connection);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT relname, n_tup_del FROM pg_stat_xact_user_tables"
                         + " WHERE schemaname = current_schema() AND n_tup_del > 0")) {
                while (rows.next()) {
                    deleted.put(rows.getString(1), rows.getLong(2));
                }
            }
        } finally {
            execute(connection, "ROLLBACK TO SAVEPOINT rollback_probe");
        }
        List<DataLoss> loss = new ArrayList<>();
        for (var table : before.entrySet()) {
            String name = table.getKey();
            if (name.equals(historyTable)) {
                continue;
            }
            if (!after.containsKey(name)) {
                long rows = count(connection, "SELECT count(*) FROM " + quote(name));
                if (rows > 0) {
                    loss.add(new DataLoss("table " + name, rows));
                }
                continue;
            }
            Set<String> gone = new HashSet<>(table.getValue());
            gone.removeAll(after.get(name));
            for (String column : gone) {
                long values = count(connection, "SELECT count(" + quote(column) + ") FROM " + quote(name));
                if (values > 0) {
                    loss.add(new DataLoss("column " + name + "." + column, values));
                }
            }
            if (deleted.containsKey(name)) {
                loss.add(new DataLoss("rows of " + name, deleted.get(name)));
            }
        }
        return loss;
    }

    /** Every base table of the schema with its columns. */
    private static Map<String, Set<String>> columns(Connection connection) throws SQLException {
        Map<String, Set<String>> tables = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname, a.attname FROM pg_class c"
                     + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                     + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')")) {
            while (rows.next()) {
                tables.computeIfAbsent(rows.getString(1), t -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return tables;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
