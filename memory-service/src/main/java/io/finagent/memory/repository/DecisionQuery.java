package io.finagent.memory.repository;

import io.finagent.memory.domain.DecisionType;
import io.quarkus.panache.common.Parameters;

import java.time.Instant;

/** A user's decisions narrowed by optional strategy, symbol, type and [from, to) range. */
public record DecisionQuery(String userId, Long strategyId, String symbol, DecisionType decisionType, Instant from, Instant to) {

    String where() {
        StringBuilder where = new StringBuilder("userId = :userId");
        if (strategyId != null) {
            where.append(" and strategyId = :strategyId");
        }
        if (symbol != null) {
            where.append(" and symbol = :symbol");
        }
        if (decisionType != null) {
            where.append(" and decisionType = :decisionType");
        }
        if (from != null) {
            where.append(" and decidedAt >= :from");
        }
        if (to != null) {
            where.append(" and decidedAt < :to");
        }
        return where.toString();
    }

    Parameters parameters() {
        Parameters p = Parameters.with("userId", userId);
        if (strategyId != null) {
            p.and("strategyId", strategyId);
        }
        if (symbol != null) {
            p.and("symbol", symbol);
        }
        if (decisionType != null) {
            p.and("decisionType", decisionType);
        }
        if (from != null) {
            p.and("from", from);
        }
        if (to != null) {
            p.and("to", to);
        }
        return p;
    }
}
