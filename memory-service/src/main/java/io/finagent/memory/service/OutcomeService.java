package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.repository.CitationRepository;
import io.finagent.memory.repository.DecisionRepository;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Applies a decision's measured outcome, once: the decision gets it, and every pattern and memory
 * it cited is credited or debited. The same outcome again changes nothing; a different one is a
 * conflict, since history is not rewritten.
 */
@ApplicationScoped
public class OutcomeService {

    private final DecisionRepository decisions;
    private final CitationRepository citations;

    public OutcomeService(DecisionRepository decisions, CitationRepository citations) {
        this.decisions = decisions;
        this.citations = citations;
    }

    /** Completes with null when the user has no such decision. */
    @WithTransaction
    public Uni<Decision> apply(String userId, long decisionId, BigDecimal outcome, Instant measuredAt) {
        return decisions.findOwned(userId, decisionId).chain(decision -> {
            if (decision == null) {
                return Uni.createFrom().nullItem();
            }
            if (decision.outcome != null) {
                if (decision.outcome.compareTo(outcome) != 0) {
                    return Uni.createFrom().failure(ProblemException.conflict("decision " + decisionId
                            + " already has outcome " + decision.outcome.toPlainString() + "; outcomes are not rewritten"));
                }
                return Uni.createFrom().item(decision);
            }
            decision.outcome = outcome;
            decision.outcomeMeasuredAt = measuredAt.truncatedTo(ChronoUnit.MICROS);
            return citations.creditPatterns(userId, List.of(decision.citedPatternIds), outcome, decision.id, decision.outcomeMeasuredAt)
                    .chain(() -> citations.creditMemories(userId, List.of(decision.citedMemoryIds), outcome, decision.id,
                            decision.outcomeMeasuredAt))
                    .replaceWith(decision);
        });
    }
}
