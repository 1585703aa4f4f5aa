package io.finagent.strategy.mapping;

import io.finagent.strategy.domain.PerformanceMetrics;
import io.finagent.strategy.rest.PerformanceResponse;
import io.finagent.strategy.service.PerformanceService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
public class PerformanceMapper {

    public PerformanceResponse toResponse(PerformanceService.Computed c) {
        PerformanceMetrics.Performance m = c.metrics();
        Map<String, String> undefined = new LinkedHashMap<>();
        reason(undefined, "totalReturn", m.totalReturn());
        reason(undefined, "annualizedReturn", m.annualizedReturn());
        reason(undefined, "annualizedVolatility", m.annualizedVolatility());
        reason(undefined, "sharpeRatio", m.sharpeRatio());
        reason(undefined, "sortinoRatio", m.sortinoRatio());
        reason(undefined, "calmarRatio", m.calmarRatio());
        reason(undefined, "maxDrawdown", m.maxDrawdown());
        reason(undefined, "winRate", m.winRate());
        var p = c.period();
        return new PerformanceResponse(p.strategyId, p.periodFrom, p.periodTo, p.totalReturn, p.annualizedReturn, p.annualizedVolatility,
                p.sharpeRatio, p.sortinoRatio, p.calmarRatio, p.maxDrawdown, p.winRate, p.totalTrades, undefined, p.computedAt);
    }

    private static void reason(Map<String, String> undefined, String name, PerformanceMetrics.Metric metric) {
        if (!metric.defined()) {
            undefined.put(name, metric.reason());
        }
    }
}
