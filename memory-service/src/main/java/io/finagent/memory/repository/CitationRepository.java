package io.finagent.memory.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Credits or debits the patterns and memories a decision cited when its outcome is known, and
 * records each credit with its instant in outcome_credits (what the statistics as of an earlier
 * instant are summed from). Only the decision owner's rows are touched. Win: outcome above 0;
 * loss: below 0; break-even counts as an occurrence that is neither.
 */
@ApplicationScoped
public class CitationRepository {

    private static final String CREDIT_PATTERNS = """
            WITH credited AS (
                UPDATE pattern_recognition SET
                    occurrences = occurrences + 1,
                    successes = successes + :win,
                    failures = failures + :loss,
                    total_outcome = total_outcome + :outcome,
                    success_rate = %s,
                    confidence = %s,
                    last_seen = GREATEST(last_seen, :at),
                    updated_at = now()
                WHERE user_id = :user AND id IN (:ids)
                RETURNING id)
            INSERT INTO outcome_credits (user_id, pattern_id, decision_id, wins, losses, outcome, credited_at)
            SELECT :user, id, CAST(:decision AS bigint), :win, :loss, :outcome, :at FROM credited""".formatted(
            successRate("(successes + :win)", "(occurrences + 1)"), wilsonLowerBound("(successes + :win)", "(occurrences + 1)"));
    private static final String CREDIT_MEMORIES = """
            WITH credited AS (
                UPDATE ai_memory SET
                    success_count = success_count + :win,
                    failure_count = failure_count + :loss,
                    outcome_count = outcome_count + 1,
                    updated_at = now()
                WHERE user_id = :user AND id IN (:ids)
                RETURNING id)
            INSERT INTO outcome_credits (user_id, memory_id, decision_id, wins, losses, outcome, credited_at)
            SELECT :user, id, CAST(:decision AS bigint), :win, :loss, :outcome, :at FROM credited""";

    /** s successes in n occurrences, both bigint expressions: the share, to 8 decimals (0 without occurrences). */
    public static String successRate(String s, String n) {
        return "CASE WHEN " + n + " = 0 THEN 0 ELSE round(" + s + "::numeric / " + n + ", 8) END";
    }

    /**
     * Lower bound of the 95% Wilson score interval of s successes in n occurrences (z = 1.96,
     * z² = 3.8416), both bigint expressions, 0 without occurrences: a short lucky streak ranks
     * below a long good record. The present counters and the sums as of an instant go through
     * this one expression, so that both give the same decimals.
     */
    public static String wilsonLowerBound(String s, String n) {
        String p = s + "::numeric / " + n;
        return "CASE WHEN " + n + " = 0 THEN 0 ELSE GREATEST(0, round((" + p + " + 3.8416 / (2 * " + n + ") - 1.96 * sqrt(" + p
                + " * (1 - " + p + ") / " + n + " + 3.8416 / (4 * " + n + " * " + n + "))) / (1 + 3.8416 / " + n + "), 8)) END";
    }

    /** A decision's outcome, measured at {@code at}, credited to the patterns it cited. */
    public Uni<Integer> creditPatterns(String userId, List<Long> ids, BigDecimal outcome, Long decisionId, Instant at) {
        return credit(CREDIT_PATTERNS, userId, ids, outcome, decisionId, at);
    }

    public Uni<Integer> creditMemories(String userId, List<Long> ids, BigDecimal outcome, Long decisionId, Instant at) {
        return credit(CREDIT_MEMORIES, userId, ids, outcome, decisionId, at);
    }

    private Uni<Integer> credit(String sql, String userId, List<Long> ids, BigDecimal outcome, Long decisionId, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql)
                .setParameter("user", userId)
                .setParameter("ids", ids)
                .setParameter("win", outcome.signum() > 0 ? 1L : 0L)
                .setParameter("loss", outcome.signum() < 0 ? 1L : 0L)
                .setParameter("outcome", outcome)
                .setParameter("decision", decisionId)
                .setParameter("at", SqlInstants.utc(at))
                .executeUpdate());
    }
}
