package io.finagent.platform.performance;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An index an admin asks for (usually one the advice suggested), built with {@code CREATE INDEX
 * CONCURRENTLY} so that writes go on meanwhile; outside a transaction, as PostgreSQL requires. A
 * build that fails leaves an invalid index behind, which is dropped again: nothing stays of it.
 */
@ApplicationScoped
public class Indexes {

    private static final Logger LOG = Logger.getLogger(Indexes.class);
    private static final int MAX_NAME = 63; // PostgreSQL's identifier length

    /** The index as it now exists. */
    public record Created(String index, String table, List<String> columns, String createStatement) {
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
        String ddl = createStatement(table, columns);
        try (Connection c = dataSource.getConnection()) {
            Set<String> known = Catalog.columns(c, table);
            if (known.isEmpty()) {
                throw ProblemException.invalid("table", "not a table of this service: " + table);
            }
            List<String> unknown = columns.stream().filter(col -> !known.contains(col)).toList();
            if (!unknown.isEmpty() || new HashSet<>(columns).size() != columns.size()) {
                throw ProblemException.invalid("columns", "distinct columns of " + table + " " + known + (unknown.isEmpty() ? "" : ", not " + unknown));
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                LOG.infof("index advice: %s", ddl);
                st.execute(StatementStatistics.OWN + ddl);
            } catch (SQLException e) {
                try (Statement st = c.createStatement()) {
                    st.execute(StatementStatistics.OWN + "DROP INDEX CONCURRENTLY IF EXISTS " + quote(name(table, columns)));
                }
                throw ProblemException.conflict("the index was not built: " + e.getMessage());
            }
            return new Created(name(table, columns), table, columns, ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("index creation: " + e.getMessage(), e);
        }
    }

    static String createStatement(String table, List<String> columns) {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + quote(name(table, columns)) + " ON public." + quote(table)
                + " (" + columns.stream().map(Indexes::quote).collect(Collectors.joining(", ")) + ")";
    }

    static String name(String table, List<String> columns) {
        String name = "ix_" + table + "_" + String.join("_", columns);
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
