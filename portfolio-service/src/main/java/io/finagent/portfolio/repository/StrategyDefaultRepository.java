package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.StrategyDefault;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StrategyDefaultRepository implements PanacheRepositoryBase<StrategyDefault, Long> {
}
