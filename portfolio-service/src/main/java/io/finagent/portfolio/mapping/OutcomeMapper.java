package io.finagent.portfolio.mapping;

import io.finagent.portfolio.domain.OutcomeMeasurement;
import io.finagent.portfolio.rest.OutcomeResponse;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutcomeMapper {

    public OutcomeResponse toResponse(OutcomeMeasurement m) {
        return new OutcomeResponse(m.decisionId, m.strategyId, m.symbol, m.decisionType.name(), m.decidedAt, m.horizonMinutes,
                m.horizonSource.name(), m.dueAt, m.status.name(), m.referencePrice, m.referencePriceAt, m.exitPrice, m.exitPriceAt,
                m.outcome, m.measuredAt, m.lastError, m.paperPortfolioId, m.paperTransactionId, m.paperNote);
    }
}
