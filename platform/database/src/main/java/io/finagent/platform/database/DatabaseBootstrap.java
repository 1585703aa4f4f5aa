package io.finagent.platform.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the service's own database exists and migrates it before anything else starts
 * (consumers, the outbox relay, HTTP). The service's role may not create databases (least
 * privilege): its database is made, owned by that role, by {@code deploy/postgres/provision.sh}
 * (bin/start, bin/test, compose's init) or by the deployment (CloudNativePG's managed roles and
 * databases). A missing one stops the start with what to run. Runs first among the startup
 * observers, so Flyway is driven here instead of Quarkus' migrate-at-start.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

    private final Flyway flyway;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;

    public DatabaseBootstrap(Flyway flyway,
                             @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.flyway = flyway;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws SQLException {
        requireDatabase();
        var result = flyway.migrate();
        LOG.infof("database %s at schema version %s (%d migrations applied now)",
                databaseName(), flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                result.migrationsExecuted);
    }

    /** Asked of the maintenance database, so a missing one is one clear message, not a FATAL in PostgreSQL's log. */
    private void requireDatabase() throws SQLException {
        Matcher m = matcher();
        String database = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + m.group(3);
        try (Connection c = DriverManager.getConnection(maintenanceUrl, username.orElse(null), password.orElse(null))) {
            if (!exists(c, database)) {
                throw new IllegalStateException("database " + database + " does not exist: it is made, owned by the service's role "
                        + username.orElse("(none configured)") + ", by deploy/postgres/provision.sh (bin/start and bin/test run it)"
                        + " or by the deployment's database manifests");
            }
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String databaseName() {
        return matcher().group(2);
    }

    private Matcher matcher() {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException("quarkus.datasource.jdbc.url is not a PostgreSQL URL: " + jdbcUrl);
        }
        return m;
    }
}
