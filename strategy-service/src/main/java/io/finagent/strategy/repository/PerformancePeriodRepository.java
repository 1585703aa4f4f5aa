package io.finagent.strategy.repository;

import io.finagent.strategy.domain.PerformancePeriod;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class PerformancePeriodRepository implements PanacheRepository<PerformancePeriod> {

    public Uni<PerformancePeriod> find(long strategyId, Instant from, Instant to) {
        return find("strategyId = ?1 and periodFrom = ?2 and periodTo = ?3", strategyId, from, to).firstResult();
    }
}
