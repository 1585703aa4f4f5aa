package io.finagent.memory.repository;

import io.finagent.platform.entities.OwnedRows;
import io.finagent.memory.domain.Pattern;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries of pattern_recognition, each scoped to the owning user; ranked reads are {@link PatternsAsOf}'s. */
@ApplicationScoped
public class PatternRepository implements OwnedRows<Pattern> {
}
