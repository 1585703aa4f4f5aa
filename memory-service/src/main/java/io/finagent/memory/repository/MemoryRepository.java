package io.finagent.memory.repository;

import io.finagent.memory.domain.Memory;
import io.finagent.platform.entities.OwnedRows;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries of ai_memory, scoped to the owning user; ranked reads are {@link MemoriesAsOf}'s. */
@ApplicationScoped
public class MemoryRepository implements OwnedRows<Memory> {
}
