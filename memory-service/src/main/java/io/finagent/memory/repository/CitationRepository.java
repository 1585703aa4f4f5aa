package io.finagent.memory.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/**
 * Credits or debits the patterns and memories a decision cited when its outcome is known. Only
 * the decision owner's rows are touched. Win: outcome above 0; loss: below 0; break-even counts
 * as an occurrence that is neither.
 */
@ApplicationScoped
public class CitationRepository {

    private static final String CREDIT_PATTERNS = """
            UPDATE pattern_recognition SET
                occurrences = occurrences + 1,
                successes = successes + :win,
                failures = failures + :loss,
                total_outcome = total_outcome + :outcome,
                success_rate = round((successes + :win)::numeric / (occurrences + 1), 8),
                confidence = %s,
                last_seen = now(),
                updated_at = now()
            WHERE user_id = :user AND id IN (:ids)""".formatted(wilsonLowerBound("(successes + :win)::numeric", "(occurrences + 1)"));
    private static final String CREDIT_MEMORIES = """
            UPDATE ai_memory SET
                success_count = success_count + :win,
                failure_count = failure_count + :loss,
                updated_at = now()
            WHERE user_id = :user AND id IN (:ids)""";

    /**
     * Lower bound of the 95% Wilson score interval of s successes in n occurrences (z = 1.96,
     * z² = 3.8416): a short lucky streak ranks below a long good record.
     */
    static String wilsonLowerBound(String s, String n) {
        String p = s + " / " + n;
        return ("GREATEST(0, round((" + p + " + 3.8416 / (2 * " + n + ") - 1.96 * sqrt(" + p + " * (1 - " + p + ") / " + n
                + " + 3.8416 / (4 * " + n + " * " + n + "))) / (1 + 3.8416 / " + n + "), 8))");
    }

    public Uni<Integer> creditPatterns(String userId, List<Long> ids, BigDecimal outcome) {
        return credit(CREDIT_PATTERNS, userId, ids, outcome);
    }

    public Uni<Integer> creditMemories(String userId, List<Long> ids, BigDecimal outcome) {
        return credit(CREDIT_MEMORIES, userId, ids, outcome);
    }

    private Uni<Integer> credit(String sql, String userId, List<Long> ids, BigDecimal outcome) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var query = Panache.getSession().map(session -> session.createNativeQuery(sql)
                .setParameter("user", userId)
                .setParameter("ids", ids)
                .setParameter("win", outcome.signum() > 0 ? 1 : 0)
                .setParameter("loss", outcome.signum() < 0 ? 1 : 0));
        return sql.contains(":outcome")
                ? query.flatMap(q -> q.setParameter("outcome", outcome).executeUpdate())
                : query.flatMap(q -> q.executeUpdate());
    }
}
