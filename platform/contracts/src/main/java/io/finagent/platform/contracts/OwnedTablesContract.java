package io.finagent.platform.contracts;

import io.finagent.platform.testing.TestDatabase;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service proves with this test that Flyway, run at start by the service itself, created
 * each table it owns in its own database, and that it connects as its own role and nothing more:
 * no superuser, CREATEDB, CREATEROLE, replication or row-security bypass, no membership of any
 * other role, owner of its database and of every table in it, and refused at the door of every
 * other service's database.
 */
public abstract class OwnedTablesContract {

    protected abstract String database();

    protected abstract Set<String> ownedTables();

    @Test
    void flywayCreatedEveryOwnedTable() {
        Set<String> present = new TestDatabase(database()).tables();
        Set<String> missing = new HashSet<>(ownedTables());
        missing.add("flyway_schema_history");
        missing.removeAll(present);
        assertTrue(missing.isEmpty(), "missing in " + database() + ": " + missing + " (present: " + present + ")");
    }

    @Test
    void theServiceConnectsAsItsOwnRoleOwningItsDatabaseAndNoMore() {
        String role = role();
        assertTrue(role.startsWith("finagent_"), "the service's role: " + role);
        TestDatabase db = new TestDatabase(database());
        assertEquals(List.of("false|false|false|false|false|0"), db.strings(
                "SELECT rolsuper || '|' || rolcreatedb || '|' || rolcreaterole || '|' || rolreplication || '|' || rolbypassrls || '|'"
                + " || (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) FROM pg_roles r WHERE rolname = ?", role));
        assertEquals(List.of(role), db.strings("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        assertEquals(List.of(), db.strings("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                + " AND relkind IN ('r', 'p', 'S', 'v', 'm') AND pg_get_userbyid(relowner) <> ?"
                // but the statistics extensions' views, which only a superuser may create (provision.sh)
                + " AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = pg_class.oid AND d.deptype = 'e')",
                role), "objects owned by another role");
    }

    @Test
    void theServicesRoleCannotOpenAnotherServicesDatabase() {
        String role = role();
        List<String> others = new TestDatabase("postgres").strings("SELECT datname FROM pg_database WHERE datallowconn"
                + " AND pg_get_userbyid(datdba) LIKE 'finagent\\_%' AND pg_get_userbyid(datdba) <> ? ORDER BY datname", role);
        assertFalse(others.isEmpty(), "the other services' databases (provisioned by deploy/postgres/provision.sh, run by local-cluster)");
        for (String other : others) {
            assertRefused(other);
            // where a deployment leaves CONNECT open (CloudNativePG's Database declares no grants), no table there is its to touch
            assertEquals(List.of(), new TestDatabase(other).strings("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind IN ('r', 'p', 'v', 'm') AND has_table_privilege(?, oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')"
                    // but pg_stat_statements' views, open to all and showing each role only its own statements' text
                    + " AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = pg_class.oid AND d.deptype = 'e')", role),
                    role + " holds privileges in " + other);
        }
    }

    /** The service's own credentials, as a compromised service would try them, do not open {@code database}. */
    protected static void assertRefused(String database) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = connectAs(role(), database)) {
                c.createStatement().execute("SELECT 1");
            }
        }, database + " opened");
        assertEquals("42501", refused.getSQLState(), database + ": " + refused.getMessage()); // insufficient_privilege
    }

    private static String role() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    /** With the service's own credentials, as a compromised service would try. */
    private static Connection connectAs(String role, String database) throws SQLException {
        Optional<String> password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class);
        String port = ConfigProvider.getConfig().getValue("finagent.db.port", String.class);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, role, password.orElse(null));
    }
}
