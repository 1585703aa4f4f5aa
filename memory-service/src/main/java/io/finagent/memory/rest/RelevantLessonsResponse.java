package io.finagent.memory.rest;

import java.time.Instant;
import java.util.List;

public record RelevantLessonsResponse(Instant asOf, List<Match> lessons) {

    /**
     * score = memory.currentRelevance (at asOf) · similarity · evidence; evidence is the Wilson lower
     * bound of the lesson's win rate as of asOf, one win and one loss added (memory-service README).
     */
    public record Match(MemoryResponse memory, double similarity, double evidence, double score) {
    }
}
