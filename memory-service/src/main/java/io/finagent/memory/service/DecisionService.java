package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.mapping.DecisionMapper;
import io.finagent.memory.repository.DecisionQuery;
import io.finagent.memory.repository.DecisionRepository;
import io.finagent.platform.database.UniqueViolation;
import io.finagent.platform.events.EventType;
import io.finagent.platform.outbox.Outbox;
import io.finagent.platform.paging.Page;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records the agent's decisions and announces each one as {@code decision-made}. */
@ApplicationScoped
public class DecisionService {

    private final DecisionRepository decisions;
    private final DecisionMapper mapper;
    private final Outbox outbox;
    private final WorkingMemory workingMemory;

    public DecisionService(DecisionRepository decisions, DecisionMapper mapper, Outbox outbox, WorkingMemory workingMemory) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.outbox = outbox;
        this.workingMemory = workingMemory;
    }

    /**
     * Stores the decision and its event in one transaction; a repeated Idempotency-Key returns the
     * first. When two calls with one key race, the unique index stops the second, which then replays.
     */
    public Uni<RecordedDecision> record(Decision decision, String sessionId) {
        return Panache.withTransaction(() -> earlier(decision).chain(existing -> existing != null
                        ? Uni.createFrom().item(new RecordedDecision(existing, true))
                        : decisions.persist(decision)
                                .call(d -> outbox.add(EventType.DECISION_MADE, d.id.toString(), mapper.toEvent(d), d.createdAt))
                                .map(d -> new RecordedDecision(d, false))))
                .onFailure(e -> decision.idempotencyKey != null && UniqueViolation.is(e))
                .recoverWithUni(() -> Panache.withSession(() -> earlier(decision)).map(d -> new RecordedDecision(d, true)))
                // after the commit: working memory holds only what was really recorded, once
                .invoke(recorded -> {
                    if (sessionId != null && !recorded.replayed()) {
                        workingMemory.add(decision.userId, sessionId, mapper.toSessionEvent(recorded.decision()));
                    }
                });
    }

    private Uni<Decision> earlier(Decision decision) {
        return decision.idempotencyKey == null
                ? Uni.createFrom().nullItem()
                : decisions.findByIdempotencyKey(decision.userId, decision.idempotencyKey);
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
