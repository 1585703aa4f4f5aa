package io.finagent.memory.rest;

import io.finagent.memory.domain.RecallStatistics;
import io.finagent.memory.domain.SessionEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assembled context: what fitted in {@code budgetChars} characters of JSON ({@code usedChars}
 * of them), and per section how many items did not fit ({@code omitted}). {@code contextId} names
 * it for a decision to cite; {@code contextDigest} is the SHA-256 of this JSON as kept, that is
 * the characters answered with {@code contextDigest} null (memory-service README, "What the agent saw").
 */
public record AgentContextResponse(UUID contextId, String contextDigest, Instant asOf, int budgetChars, int usedChars,
                                   List<RecallResponse.Neighbour> decisions, RecallStatistics decisionStatistics,
                                   List<RelevantPatternsResponse.Match> patterns,
                                   List<RelevantLessonsResponse.Match> lessons,
                                   List<SimilarEpisodesResponse.Match> episodes,
                                   List<SessionEvent> workingMemory,
                                   Map<String, Integer> omitted) {

    private static final String NO_DIGEST = "\"contextDigest\":null";

    /**
     * The context as answered: its JSON as kept, character for character, with the digest in place
     * of the null ({@code contextDigest} comes right after {@code contextId}, so the first one is this field).
     */
    static String answered(String kept, String digest) {
        int at = kept.indexOf(NO_DIGEST);
        if (at < 0) {
            throw new IllegalStateException("a kept context has no contextDigest: null");
        }
        return kept.substring(0, at) + "\"contextDigest\":\"" + digest + "\"" + kept.substring(at + NO_DIGEST.length());
    }
}
