package io.finagent.platform.performance;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An index an admin asks for (usually one the advice suggested), built with {@code CREATE INDEX
 * CONCURRENTLY} so that writes go on meanwhile, outside a transaction as PostgreSQL requires. One
 * request per index name at a time (an advisory lock): the same index asked twice is built once
 * and then found; a name held by another index is a 409. A build that fails leaves an invalid
 * index behind, which is dropped again: nothing stays of it.
 */
@ApplicationScoped
public class Indexes {

    private static final Logger LOG = Logger.getLogger(Indexes.class);
    private static final int MAX_NAME = 63; // PostgreSQL's identifier length
    private static final String EXISTING = StatementStatistics.OWN + """
            SELECT i.indisvalid, i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid),
                   array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)
              FROM pg_index i WHERE i.indexrelid = to_regclass(format('public.%I', ?::text))""";

    /** The index as it now exists; {@code built} false when it was there already. */
    public record Created(String index, String table, List<String> columns, String createStatement, boolean built) {
    }

    private record Existing(boolean valid, String table, String definition, List<String> columns) {
    }

    private final DataSource dataSource;

    @Inject
    public Indexes(AgroalDataSource dataSource) {
        this((DataSource) dataSource);
    }

    Indexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Created create(String table, List<String> columns) {
        String name = name(table, columns);
        String ddl = createStatement(table, columns);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            checkRequest(c, table, columns);
            execute(c, "SELECT pg_advisory_lock(hashtext(" + literal(name) + "))");
            try {
                Existing existing = existing(c, name);
                if (existing != null && existing.valid() && existing.table().equals(table) && existing.columns().equals(columns)) {
                    return new Created(name, table, columns, existing.definition(), false);
                }
                if (existing != null && (existing.valid() || !existing.table().equals(table))) {
                    throw ProblemException.conflict("an index named " + name + " exists: " + existing.definition());
                }
                dropIfInvalid(c, name); // what a build killed halfway left
                build(c, name, ddl);
                return new Created(name, table, columns, ddl, true);
            } finally {
                execute(c, "SELECT pg_advisory_unlock(hashtext(" + literal(name) + "))");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("index creation: " + e.getMessage(), e);
        }
    }

    private static void checkRequest(Connection c, String table, List<String> columns) throws SQLException {
        if (!Catalog.isTable(c, table)) {
            throw ProblemException.invalid("table", "not a table of this service: " + table);
        }
        Set<String> known = Catalog.columns(c, table);
        List<String> unknown = columns.stream().filter(col -> !known.contains(col)).toList();
        if (!unknown.isEmpty() || new HashSet<>(columns).size() != columns.size()) {
            throw ProblemException.invalid("columns", "distinct columns of " + table + " " + known + (unknown.isEmpty() ? "" : ", not " + unknown));
        }
    }

    private static void build(Connection c, String name, String ddl) throws SQLException {
        LOG.infof("index advice: %s", ddl);
        try {
            execute(c, ddl);
        } catch (SQLException e) {
            try {
                dropIfInvalid(c, name);
            } catch (SQLException notDropped) {
                throw ProblemException.conflict("the index was not built (" + e.getMessage() + ") and the invalid index "
                        + name + " it left could not be dropped: " + notDropped.getMessage());
            }
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) { // the columns cannot be indexed so (no B-tree for json, say)
                throw ProblemException.invalid("columns", e.getMessage());
            }
            throw ProblemException.conflict("the index was not built: " + e.getMessage());
        }
    }

    private static Existing existing(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EXISTING)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Array columns = rs.getArray(4);
                return new Existing(rs.getBoolean(1), rs.getString(2), rs.getString(3), Arrays.asList((String[]) columns.getArray()));
            }
        }
    }

    private static void dropIfInvalid(Connection c, String name) throws SQLException {
        Existing existing = existing(c, name);
        if (existing != null && !existing.valid()) {
            execute(c, "DROP INDEX CONCURRENTLY IF EXISTS public." + quote(name));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(StatementStatistics.OWN + sql);
        }
    }

    static String createStatement(String table, List<String> columns) {
        return "CREATE INDEX CONCURRENTLY " + quote(name(table, columns)) + on(table, columns);
    }

    /** {@code ON public."table" ("a", "b")}: what an index statement, real or hypothetical, indexes. */
    static String on(String table, List<String> columns) {
        return " ON public." + quote(table) + " (" + columns.stream().map(Indexes::quote).collect(Collectors.joining(", ")) + ")";
    }

    static String name(String table, List<String> columns) {
        String name = "ix_" + table + "_" + String.join("_", columns);
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
