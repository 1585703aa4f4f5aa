package io.finagent.memory.rest;

import io.finagent.memory.domain.RecallStatistics;

import java.time.Instant;
import java.util.List;

public record SimilarEpisodesResponse(Instant asOf, int k, List<Match> episodes, RecallStatistics statistics) {

    public record Match(EpisodeResponse episode, double similarity) {
    }
}
