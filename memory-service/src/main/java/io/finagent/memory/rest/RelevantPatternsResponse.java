package io.finagent.memory.rest;

import java.util.List;

public record RelevantPatternsResponse(List<Match> patterns) {

    /** relevance = confidence · similarity; similarity is 1 for a pattern that names no features. */
    public record Match(PatternResponse pattern, double similarity, double relevance) {
    }
}
