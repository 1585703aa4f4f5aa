package io.finagent.platform.testing;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Direct JDBC look into a service's test database, to check what an API call really stored. */
public final class TestDatabase {

    private final String url;
    private final String user;

    public TestDatabase(String database) {
        this(5432, database);
    }

    /** A database of another PostgreSQL server on this machine (a test's own cluster). */
    public TestDatabase(int port, String database) {
        this("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres");
    }

    private TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** The same database as another role (a service's own, to act as the service would). */
    public TestDatabase as(String role) {
        return new TestDatabase(url, role);
    }

    /** Drops a database (its connections closed), so that a service under test must create it anew. */
    public static void drop(String database) {
        new TestDatabase("postgres").execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /**
     * A new empty database owned by a login role without superuser rights (made if missing), as a
     * service's is, for a platform test of its own: the same database as that role.
     */
    public static TestDatabase freshOwnedBy(String database, String owner) {
        drop(database);
        TestDatabase server = new TestDatabase("postgres");
        server.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + owner + "') THEN"
                + " CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION; END IF; END $$");
        server.execute("CREATE DATABASE " + database + " OWNER " + owner);
        server.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
        return new TestDatabase(database).as(owner);
    }

    public Set<String> tables() {
        // a partitioned table is one table: its months' partitions are not listed
        return new TreeSet<>(strings("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')"
                + " AND NOT relispartition"));
    }

    /** A connection as this database's role, for a test that works in a transaction of its own. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, null);
    }

    /** A data source as this database's role: for Flyway, or a class under test that takes one. */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        return dataSource;
    }

    public long count(String sql, Object... args) {
        return Long.parseLong(strings(sql, args).get(0));
    }

    public void execute(String sql) {
        try (Connection c = connect();
             var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public List<String> strings(String sql, Object... args) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
