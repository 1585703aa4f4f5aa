package io.finagent.platform.performance;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.performance.IndexAdvice.SequentialScans;
import io.finagent.platform.performance.IndexAdvice.Suggestion;
import io.finagent.platform.performance.IndexAdvice.UnusedIndex;
import io.finagent.platform.performance.StatementStatistics.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Index advice from the database's own statistics: pg_stat_statements for the statements,
 * pg_stat_user_tables and _indexes for the scans. Each costly statement's generic plan is read;
 * a sequential scan with a filter becomes a candidate index on the filter's columns, which HypoPG
 * creates hypothetically (visible to this session's planner only) to see whether the planner would
 * use it and how far the cost falls. Nothing is created: {@link Indexes#create} does that on an
 * admin's request. Everything runs in one transaction that is rolled back.
 */
@ApplicationScoped
public class IndexAdvisor {

    private static final Logger LOG = Logger.getLogger(IndexAdvisor.class);
    private static final int LISTED = 10;

    private final DataSource dataSource;
    private final PerformanceConfig config;

    @Inject
    public IndexAdvisor(AgroalDataSource dataSource, PerformanceConfig config) {
        this((DataSource) dataSource, config);
    }

    IndexAdvisor(DataSource dataSource, PerformanceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public IndexAdvice advise() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean statements = StatementStatistics.available(c);
                boolean hypothetical = Catalog.hasExtension(c, "hypopg");
                return new IndexAdvice(Instant.now(), statements, hypothetical,
                        statements ? StatementStatistics.read(c, Order.CALLS, LISTED) : List.of(),
                        statements ? StatementStatistics.read(c, Order.MEAN, LISTED) : List.of(),
                        sequentialScans(c), unusedIndexes(c),
                        statements ? suggestions(c, hypothetical) : List.of());
            } finally {
                c.rollback();
                GenericPlans.deallocate(c);
                if (Catalog.hasExtension(c, "hypopg")) { // hypothetical indexes belong to the session, not the transaction
                    try (var st = c.createStatement()) {
                        st.execute(StatementStatistics.OWN + "SELECT hypopg_reset()");
                    }
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("index advice: " + e.getMessage(), e);
        }
    }

    private List<Suggestion> suggestions(Connection c, boolean hypothetical) throws SQLException {
        GenericPlans.forceGeneric(c);
        Map<String, Suggestion> byIndex = new LinkedHashMap<>();
        for (StatementFigures statement : StatementStatistics.read(c, Order.TOTAL, config.advisedStatements())) {
            if (!statement.query().stripLeading().toLowerCase().matches("(?s)(select|with|update|delete)\\b.*")) {
                continue;
            }
            Savepoint before = c.setSavepoint();
            try {
                GenericPlans.Plan plan = GenericPlans.plan(c, statement.query());
                for (GenericPlans.SequentialScan scan : plan.sequentialScans()) {
                    List<String> columns = FilterColumns.of(scan.filter(), Catalog.columns(c, scan.table()));
                    String key = scan.table() + columns;
                    if (columns.isEmpty() || byIndex.containsKey(key)) {
                        continue;
                    }
                    // without the planner's word, only a large table's scans are worth an index
                    Suggestion suggestion = hypothetical
                            ? checked(c, statement, plan, scan.table(), columns)
                            : Catalog.rows(c, scan.table()) < config.largeTableRows() ? null
                            : new Suggestion(scan.table(), columns, statement.query(), statement.calls(), plan.cost(), null, false,
                                    Indexes.createStatement(scan.table(), columns));
                    if (suggestion != null) {
                        byIndex.put(key, suggestion);
                    }
                }
                c.releaseSavepoint(before);
            } catch (SQLException e) { // a statement that cannot be prepared alone (a temporary table's, say)
                LOG.debugf("index advice: no plan for %s: %s", statement.query(), e.getMessage());
                c.rollback(before);
            }
        }
        return List.copyOf(byIndex.values());
    }

    /** The suggestion when the planner uses the hypothetical index and the cost falls enough, else null. */
    private Suggestion checked(Connection c, StatementFigures statement, GenericPlans.Plan plan, String table, List<String> columns)
            throws SQLException {
        String name;
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + "SELECT indexname FROM hypopg_create_index(?)")) {
            ps.setString(1, "CREATE INDEX" + Indexes.on(table, columns));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
            }
        }
        try {
            GenericPlans.Plan after = GenericPlans.plan(c, statement.query());
            boolean used = after.indexesUsed().contains(name);
            if (!used || after.cost() > plan.cost() * (1 - config.minCostReduction())) {
                return null;
            }
            return new Suggestion(table, columns, statement.query(), statement.calls(), plan.cost(), after.cost(), true,
                    Indexes.createStatement(table, columns));
        } finally {
            try (var st = c.createStatement()) {
                st.execute(StatementStatistics.OWN + "SELECT hypopg_reset()");
            }
        }
    }

    private List<SequentialScans> sequentialScans(Connection c) throws SQLException {
        List<SequentialScans> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + """
                SELECT relname, n_live_tup, seq_scan, seq_tup_read, coalesce(idx_scan, 0) FROM pg_stat_user_tables
                 WHERE schemaname = 'public' AND n_live_tup >= ? AND seq_scan > 0 ORDER BY seq_tup_read DESC LIMIT ?""")) {
            ps.setLong(1, config.largeTableRows());
            ps.setInt(2, LISTED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SequentialScans(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return out;
    }

    private static List<UnusedIndex> unusedIndexes(Connection c) throws SQLException {
        List<UnusedIndex> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + """
                SELECT s.indexrelname, s.relname, pg_relation_size(s.indexrelid), pg_get_indexdef(s.indexrelid)
                  FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
                 WHERE s.schemaname = 'public' AND s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
                 ORDER BY pg_relation_size(s.indexrelid) DESC, s.indexrelname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new UnusedIndex(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }
}
