package io.finagent.platform.performance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the advice needs to know of the service's own schema ({@code public}). */
final class Catalog {

    private Catalog() {
    }

    static boolean hasExtension(Connection c, String name) throws SQLException {
        return exists(c, "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = ?)", name);
    }

    /** Whether the service has a table (a plain or partitioned one, not a view) of that name. */
    static boolean isTable(Connection c, String table) throws SQLException {
        return exists(c, "SELECT EXISTS (SELECT FROM pg_class WHERE oid = to_regclass(format('public.%I', ?::text)) AND relkind IN ('r', 'p'))", table);
    }

    private static boolean exists(Connection c, String sql, String argument) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + sql)) {
            ps.setString(1, argument);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The table's live rows as the planner estimates them (0 when never analyzed). */
    static long rows(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN
                + "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(format('public.%I', ?::text))")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The table's columns in their order; empty when the service has no such table. */
    static Set<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(StatementStatistics.OWN + """
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position""")) {
            ps.setString(1, table);
            Set<String> out = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
