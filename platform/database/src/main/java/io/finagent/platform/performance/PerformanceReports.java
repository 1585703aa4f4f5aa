package io.finagent.platform.performance;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.database.DatabaseGauges;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The service's performance report, assembled from its timers and its database. */
@ApplicationScoped
public class PerformanceReports {

    private final AgroalDataSource dataSource;
    private final RequestLatencies requests;
    private final DatabaseGauges gauges;
    private final PerformanceConfig config;

    public PerformanceReports(AgroalDataSource dataSource, RequestLatencies requests, DatabaseGauges gauges, PerformanceConfig config) {
        this.dataSource = dataSource;
        this.requests = requests;
        this.gauges = gauges;
        this.config = config;
    }

    public PerformanceReport report() {
        try (Connection c = dataSource.getConnection()) {
            return new PerformanceReport(Instant.now(), requests.all(), database(c), DatabaseFigures.backup(c));
        } catch (SQLException e) {
            throw new IllegalStateException("performance report: " + e.getMessage(), e);
        }
    }

    PerformanceReport.Database database(Connection c) throws SQLException {
        return DatabaseFigures.read(c, config.slowQuery(), gauges.slowQueriesNow());
    }
}
