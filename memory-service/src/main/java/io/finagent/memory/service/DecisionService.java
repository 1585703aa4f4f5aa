package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.index.DecisionIndex;
import io.finagent.memory.mapping.DecisionMapper;
import io.finagent.memory.repository.DecisionQuery;
import io.finagent.memory.repository.DecisionRepository;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.paging.Page;
import io.finagent.platform.security.Owned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Records the agent's decisions and announces each one as {@code decision-made}. A decision with a
 * session also enters that session's working memory; while Redis is down it is recorded all the
 * same (it is committed by then), only its event in working memory is lost: logged and counted.
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final DecisionRepository decisions;
    private final DecisionMapper mapper;
    private final DecisionRecorder recorder;
    private final WorkingMemory workingMemory;
    private final DecisionIndex index;
    private final AgentContextArchive contexts;
    private final OwnReferences references;
    private final Counter lostSessionEvents;

    public DecisionService(DecisionRepository decisions, DecisionMapper mapper, DecisionRecorder recorder, WorkingMemory workingMemory,
                           DecisionIndex index, AgentContextArchive contexts, OwnReferences references, MeterRegistry registry) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.recorder = recorder;
        this.workingMemory = workingMemory;
        this.index = index;
        this.contexts = contexts;
        this.references = references;
        this.lostSessionEvents = registry.counter("finagent.working.memory.decisions.lost");
    }

    /**
     * Stores the decision and its event in one transaction (a group commit), once per Idempotency-Key;
     * first, what it cites must be the user's own (else a 404 naming the field, nothing stored).
     */
    public Uni<Created<Decision>> record(Decision decision, String sessionId) {
        return references.of(decision).chain(contexts::cite).chain(recorder::record)
                // after the commit: the index and working memory hold only what was really recorded, once
                .invoke(created -> {
                    if (!created.replayed()) {
                        index.add(mapper.toIndexed(created.value()));
                    }
                })
                .call(created -> created.replayed() || sessionId == null ? Uni.createFrom().voidItem()
                        : enterSession(created.value(), sessionId));
    }

    /** Never fails: the decision is committed, so the caller must hear 201 whatever Redis does. */
    private Uni<Void> enterSession(Decision recorded, String sessionId) {
        return workingMemory.add(recorded.userId, sessionId, mapper.toSessionEvent(recorded), null).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    lostSessionEvents.increment();
                    LOG.warnf("decision %d is recorded but not in the working memory of session %s: %s",
                            recorded.id, sessionId, e.getMessage());
                    return Uni.createFrom().voidItem();
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
