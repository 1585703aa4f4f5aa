package io.finagent.platform.performance;

import io.finagent.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;

/**
 * A fresh database owned by a role without superuser rights, as a service's is, with the
 * statistics extensions the provisioning script creates and the platform's tables of the report.
 */
final class PerformanceDatabase {

    static final String OWNER = "finagent_platform_test";

    private PerformanceDatabase() {
    }

    static PGSimpleDataSource fresh(String database, boolean hypothetical) {
        TestDatabase owned = TestDatabase.freshOwnedBy(database, OWNER);
        TestDatabase superuser = new TestDatabase(database);
        superuser.execute("CREATE EXTENSION pg_stat_statements");
        // The server keeps 5,000 statements and, when full, evicts the least used: those of a test,
        // called once or five times, would go between two readings. Emptied, it stays far from full.
        superuser.execute("SELECT pg_stat_statements_reset()");
        if (hypothetical) {
            superuser.execute("CREATE EXTENSION hypopg");
        }
        PGSimpleDataSource dataSource = owned.dataSource();
        Flyway.configure().dataSource(dataSource).locations("db/operations").load().migrate();
        return dataSource;
    }

    /** The defaults of {@link PerformanceConfig}, with a slow query of the test's choosing. */
    static PerformanceConfig config(Duration slowQuery) {
        return new TestPerformanceConfig(slowQuery, Duration.ofSeconds(30), 2);
    }
}
