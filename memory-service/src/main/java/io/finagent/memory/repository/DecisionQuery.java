package io.finagent.memory.repository;

import io.finagent.memory.domain.DecisionType;

import java.time.Instant;

/** A user's decisions narrowed by optional strategy, symbol, type and [from, to) range. */
public record DecisionQuery(String userId, Long strategyId, String symbol, DecisionType decisionType, Instant from, Instant to) {

    Where where() {
        return Where.owner(userId).and("strategyId", strategyId).and("symbol", symbol).and("decisionType", decisionType)
                .and("decidedAt", ">=", "from", from).and("decidedAt", "<", "to", to);
    }
}
