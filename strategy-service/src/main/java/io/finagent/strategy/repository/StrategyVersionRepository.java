package io.finagent.strategy.repository;

import io.finagent.strategy.domain.StrategyVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class StrategyVersionRepository implements PanacheRepository<StrategyVersion> {

    public Uni<List<StrategyVersion>> pageOf(String userId, long strategyId, int page, int size) {
        return find("userId = ?1 and strategyId = ?2", Sort.descending("versionNumber"), userId, strategyId).page(page, size).list();
    }

    public Uni<Long> countOf(String userId, long strategyId) {
        return count("userId = ?1 and strategyId = ?2", userId, strategyId);
    }

    public Uni<StrategyVersion> find(String userId, long strategyId, int version) {
        return find("userId = ?1 and strategyId = ?2 and versionNumber = ?3", userId, strategyId, version).firstResult();
    }
}
