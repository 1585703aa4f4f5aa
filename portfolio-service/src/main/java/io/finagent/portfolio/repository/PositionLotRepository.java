package io.finagent.portfolio.repository;

import io.finagent.portfolio.domain.PositionLot;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PositionLotRepository implements PanacheRepository<PositionLot> {

    /** The position's lots with something left, oldest first (the FIFO order). */
    public Uni<List<PositionLot>> open(long positionId) {
        return list("positionId = ?1 and remainingQuantity > 0", Sort.ascending("acquiredAt", "id"), positionId);
    }
}
