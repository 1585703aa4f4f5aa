package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.ObservedDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ObservedDecisionRepository implements PanacheRepositoryBase<ObservedDecision, Long> {
}
