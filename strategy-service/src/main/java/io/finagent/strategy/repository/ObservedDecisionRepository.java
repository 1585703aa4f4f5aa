package io.finagent.strategy.repository;

import io.finagent.strategy.domain.ObservedDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ObservedDecisionRepository implements PanacheRepositoryBase<ObservedDecision, Long> {
}
