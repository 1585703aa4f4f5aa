package io.finagent.memory.rest;

import java.time.Instant;
import java.util.List;

public record RelevantPatternsResponse(Instant asOf, List<Match> patterns) {

    /** relevance = confidence · similarity; similarity is 1 for a pattern that names no features. */
    public record Match(PatternResponse pattern, double similarity, double relevance) {
    }
}
