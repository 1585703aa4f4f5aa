package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.index.DecisionIndex;
import io.finagent.memory.mapping.DecisionMapper;
import io.finagent.memory.repository.DecisionQuery;
import io.finagent.memory.repository.DecisionRepository;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.paging.Page;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records the agent's decisions and announces each one as {@code decision-made}. */
@ApplicationScoped
public class DecisionService {

    private final DecisionRepository decisions;
    private final DecisionMapper mapper;
    private final DecisionRecorder recorder;
    private final WorkingMemory workingMemory;
    private final DecisionIndex index;

    public DecisionService(DecisionRepository decisions, DecisionMapper mapper, DecisionRecorder recorder, WorkingMemory workingMemory,
                           DecisionIndex index) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.recorder = recorder;
        this.workingMemory = workingMemory;
        this.index = index;
    }

    /** Stores the decision and its event in one transaction (a group commit), once per Idempotency-Key. */
    public Uni<Created<Decision>> record(Decision decision, String sessionId) {
        return recorder.record(decision)
                // after the commit: the index and working memory hold only what was really recorded, once
                .invoke(created -> {
                    if (!created.replayed()) {
                        index.add(mapper.toIndexed(created.value()));
                        if (sessionId != null) {
                            workingMemory.add(decision.userId, sessionId, mapper.toSessionEvent(created.value()));
                        }
                    }
                });
    }

    @WithSession
    public Uni<Decision> find(String userId, long id) {
        return Owned.orNotFound(decisions.findOwned(userId, id), "decision", id);
    }

    @WithSession
    public Uni<Page<Decision>> list(DecisionQuery query, int page, int size) {
        return decisions.pageOwned(query, page, size)
                .chain(items -> decisions.countOwned(query).map(total -> new Page<>(items, page, size, total)));
    }
}
