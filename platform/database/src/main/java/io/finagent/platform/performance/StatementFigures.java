package io.finagent.platform.performance;

/**
 * One normalized statement of the service's own role and database, as pg_stat_statements counts
 * it since its last reset: constants are {@code $n}; times are of execution, in milliseconds.
 */
public record StatementFigures(String query, long calls, double totalMs, double meanMs, double maxMs, long rows) {
}
