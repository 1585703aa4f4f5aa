package io.finagent.memory.rest;

import io.finagent.memory.domain.RecallStatistics;

import java.time.Instant;
import java.util.List;

public record RecallResponse(Instant asOf, int k, List<Neighbour> decisions, RecallStatistics statistics) {

    /** A recalled decision; its outcome is shown only if it was measured by asOf. */
    public record Neighbour(DecisionResponse decision, double similarity, double score) {
    }
}
