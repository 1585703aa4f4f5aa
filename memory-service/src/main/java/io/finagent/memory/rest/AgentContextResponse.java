package io.finagent.memory.rest;

import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.domain.SessionEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The assembled context: what fitted in {@code budgetChars} characters of JSON ({@code usedChars}
 * of them), and per section how many items did not fit ({@code omitted}).
 */
public record AgentContextResponse(Instant asOf, int budgetChars, int usedChars,
                                   List<RecallResponse.Neighbour> decisions, RecallStatistics decisionStatistics,
                                   List<RelevantPatternsResponse.Match> patterns,
                                   List<SimilarEpisodesResponse.Match> episodes,
                                   List<SessionEvent> workingMemory,
                                   Map<String, Integer> omitted) {
}
