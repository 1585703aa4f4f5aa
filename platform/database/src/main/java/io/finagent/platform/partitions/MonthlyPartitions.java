package io.finagent.platform.partitions;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.partitions.Partitions.PartitionedTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the current month and {@code finagent.partitions.months-ahead} more partitioned for every
 * monthly partitioned table of the service, at start (after the migrations) and daily, so that a
 * row never waits on its month. Replicas take turns (an advisory lock); a creation that cannot get
 * its lock within a few seconds (a long query on the table) is tried again at the next run, and
 * {@code finagent_partitions_months_ahead} (Prometheus) says how far ahead each table is.
 */
@ApplicationScoped
public class MonthlyPartitions {

    private static final Logger LOG = Logger.getLogger(MonthlyPartitions.class);
    /** The advisory lock of the creation, the same in every replica of every service. */
    private static final long LOCK = 0x66696e706172746cL; // "finpartl"

    private final AgroalDataSource dataSource;
    private final PartitionsConfig config;
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> monthsAhead = new ConcurrentHashMap<>();

    public MonthlyPartitions(AgroalDataSource dataSource, PartitionsConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        run();
    }

    @Scheduled(identity = "monthly-partitions", cron = "${finagent.partitions.schedule}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        run();
    }

    private void run() {
        try {
            createAhead();
        } catch (SQLException e) {
            LOG.errorf("partitions: the months ahead were not created (%s); the next run tries again", e.getMessage());
        }
    }

    /** Creates what is missing up to the last month ahead; returns the partitions created, by table. */
    public Map<String, Integer> createAhead() throws SQLException {
        Map<String, Integer> created = new LinkedHashMap<>();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            for (PartitionedTable table : Partitions.tables(c)) {
                created.put(table.table(), create(c, table.table(), now, now.plusMonths(config.monthsAhead())));
                track(table.table(), Partitions.of(c, table.table()).stream().flatMap(p -> p.month().stream())
                        .filter(m -> !m.isBefore(now)).count() - 1);
            }
        }
        created.forEach((table, count) -> {
            if (count > 0) {
                LOG.infof("partitions: %d month(s) of %s created, up to %s", count, table, now.plusMonths(config.monthsAhead()));
            }
        });
        return created;
    }

    private static int create(Connection c, String table, YearMonth first, YearMonth last) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '5s'");
            try (ResultSet locked = s.executeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")")) {
                locked.next();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT finagent_create_month_partitions(?, ?::timestamptz, ?::timestamptz)")) {
                ps.setString(1, table);
                ps.setString(2, first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
                ps.setString(3, last.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int created = rs.getInt(1);
                    c.commit();
                    return created;
                }
            }
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException(table + ": " + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private void track(String table, long ahead) {
        monthsAhead.computeIfAbsent(table, t -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("finagent.partitions.months.ahead", value, AtomicInteger::get).tag("table", t)
                    .description("Months after the current one that have their partition").register(registry);
            return value;
        }).set((int) ahead);
    }
}
