package io.finagent.platform.partitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's monthly partitioned tables as the catalogue has them: a table partitioned by range
 * of one column, with a partition per month named {@code <table>_pYYYY_MM} (made by the SQL function
 * {@code finagent_create_month_partitions}) and a default one, {@code <table>_default}.
 */
public final class Partitions {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("'_p'yyyy'_'MM");

    private Partitions() {
    }

    /** A partitioned table and the column its months are of. */
    public record PartitionedTable(String table, String column) {
    }

    /** One partition; {@code month} is empty for the default partition. */
    public record Partition(String name, Optional<YearMonth> month, long estimatedRows) {

        public Instant from() {
            return month.map(m -> m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(null);
        }

        public Instant to() {
            return month.map(m -> m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(null);
        }
    }

    /** The name of a month's partition of a table. */
    public static String name(String table, YearMonth month) {
        return table + MONTH.format(month);
    }

    /** The first instant of the month an instant is in (UTC): whole months are what leaves a partitioned table. */
    public static Instant monthStart(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static List<PartitionedTable> tables(Connection c) throws SQLException {
        List<PartitionedTable> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relname, a.attname FROM pg_partitioned_table p
                JOIN pg_class c ON c.oid = p.partrelid AND c.relnamespace = 'public'::regnamespace AND NOT c.relispartition
                JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
                WHERE p.partstrat = 'r' AND p.partnatts = 1 ORDER BY c.relname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(new PartitionedTable(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    public static Optional<PartitionedTable> table(Connection c, String name) throws SQLException {
        return tables(c).stream().filter(t -> t.table().equals(name)).findFirst();
    }

    /** The table's partitions: its months in order, then its default partition. */
    public static List<Partition> of(Connection c, String table) throws SQLException {
        List<Partition> months = new ArrayList<>();
        List<Partition> others = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relname, greatest(c.reltuples, 0)::bigint FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = to_regclass(format('public.%I', ?::text)) ORDER BY c.relname""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    Optional<YearMonth> month = month(table, name);
                    (month.isPresent() ? months : others).add(new Partition(name, month, rs.getLong(2)));
                }
            }
        }
        months.addAll(others);
        return months;
    }

    private static Optional<YearMonth> month(String table, String partition) {
        String suffix = partition.substring(Math.min(table.length(), partition.length()));
        if (!partition.startsWith(table) || !suffix.matches("_p\\d{4}_\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(suffix.substring(2, 6)), Integer.parseInt(suffix.substring(7))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // _p2026_13: not one of ours
        }
    }
}
