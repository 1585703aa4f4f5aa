package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.domain.Memory;
import io.finagent.memory.repository.OwnedIds;
import io.finagent.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * The ids a request names are its user's own: a decision cites only the user's lessons and
 * patterns, a memory names only the user's decision. Any other id (another user's, or none) is a
 * 404 naming the field, the same in both cases, checked before anything is written. Rows are
 * never moved between users, so what is checked stays true.
 */
@ApplicationScoped
public class OwnReferences {

    private final OwnedIds owned;

    public OwnReferences(OwnedIds owned) {
        this.owned = owned;
    }

    public Uni<Decision> of(Decision d) {
        return require(OwnedIds.Table.MEMORY, d.userId, d.citedMemoryIds, "citedMemoryIds", "memory")
                .chain(() -> require(OwnedIds.Table.PATTERN, d.userId, d.citedPatternIds, "citedPatternIds", "pattern"))
                .replaceWith(d);
    }

    public Uni<Memory> of(Memory m) {
        return require(OwnedIds.Table.DECISION, m.userId, m.decisionId == null ? null : new Long[] {m.decisionId}, "decisionId", "decision")
                .replaceWith(m);
    }

    private Uni<Void> require(OwnedIds.Table table, String userId, Long[] ids, String field, String resource) {
        List<Long> named = ids == null ? List.of() : Arrays.asList(ids);
        return owned.notOwned(table, userId, named).invoke(missing -> {
            if (!missing.isEmpty()) {
                throw ProblemException.unknownReference(field, resource, missing);
            }
        }).replaceWithVoid();
    }
}
