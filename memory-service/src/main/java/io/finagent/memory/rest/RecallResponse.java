package io.finagent.memory.rest;

import io.finagent.memory.domain.RecallStatistics;

import java.time.Instant;
import java.util.List;

/** {@code search} says how the neighbours were found: approximate, exact, or newest (while the index is rebuilt). */
public record RecallResponse(Instant asOf, int k, String search, List<Neighbour> decisions, RecallStatistics statistics) {

    /** A recalled decision; its outcome is shown only if it was measured by asOf. */
    public record Neighbour(DecisionResponse decision, double similarity, double score) {
    }
}
