package io.finagent.platform.performance;

import java.time.Instant;
import java.util.List;

/**
 * What the service's own statistics say about its indexes: the frequent and the slow statements,
 * the large tables read by sequential scans, the indexes never used, and the indexes that would
 * make the costliest statements cheaper ({@code checkedByPlanner}: the planner chose the
 * hypothetical index and its cost fell by {@code costBefore → costAfter}).
 */
public record IndexAdvice(Instant at, boolean statementStatistics, boolean hypotheticalIndexes,
                          List<StatementFigures> frequentStatements, List<StatementFigures> slowStatements,
                          List<SequentialScans> sequentialScans, List<UnusedIndex> unusedIndexes,
                          List<Suggestion> suggestions) {

    /** A large table's sequential scans since the statistics were reset. */
    public record SequentialScans(String table, long liveRows, long scans, long rowsRead, long indexScans) {
    }

    /** An index no scan has used since the statistics were reset (unique ones are kept: they are constraints). */
    public record UnusedIndex(String index, String table, long bytes, String definition) {
    }

    public record Suggestion(String table, List<String> columns, String statement, long calls,
                             double costBefore, Double costAfter, boolean checkedByPlanner, String createStatement) {
    }
}
