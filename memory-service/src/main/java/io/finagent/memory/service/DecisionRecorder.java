package io.finagent.memory.service;

import io.finagent.memory.domain.Decision;
import io.finagent.memory.mapping.DecisionMapper;
import io.finagent.memory.repository.DecisionInserts;
import io.finagent.memory.repository.DecisionRepository;
import io.finagent.platform.events.EventType;
import io.finagent.platform.batching.Batches;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.outbox.Outbox;
import io.finagent.platform.tracing.Traceparent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes decisions and their decision-made events in group commits ({@link Batches}: at most two
 * transactions in flight, whatever arrives meanwhile goes into the next), so a lone call waits for
 * nothing and a burst costs one transaction per batch instead of one per decision. If a batch
 * fails, each of its decisions is written alone, so one bad row fails only its own call.
 */
@ApplicationScoped
public class DecisionRecorder {

    private static final int MAX_BATCH = 256;
    /** Two batches in flight: one is built and sent while the other waits for its commit to reach the disk. */
    private static final int MAX_WRITERS = 2;

    /** A call's decision, with the trace of the call (the batch is written in another context). */
    private record Pending(Decision decision, String traceparent, CompletableFuture<Created<Decision>> done) {
    }

    private final Batches<Pending> batches = new Batches<>(MAX_BATCH, MAX_WRITERS, this::writeBatch);
    private final Pool pool;
    private final DecisionInserts inserts;
    private final DecisionRepository decisions;
    private final DecisionMapper mapper;
    private final Outbox outbox;

    public DecisionRecorder(Pool pool, DecisionInserts inserts, DecisionRepository decisions, DecisionMapper mapper, Outbox outbox) {
        this.pool = pool;
        this.inserts = inserts;
        this.decisions = decisions;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** Stores the decision and its event, once per Idempotency-Key: a used key returns the first decision. */
    public Uni<Created<Decision>> record(Decision decision) {
        Pending pending = new Pending(decision, Traceparent.current(), new CompletableFuture<>());
        Context caller = Vertx.currentContext();
        batches.add(pending);
        return Uni.createFrom().completionStage(pending.done())
                // back on the caller's own context: the batch completes on the writer's, which callers must not share
                .emitOn(caller == null ? Runnable::run : task -> caller.runOnContext(v -> task.run()))
                .chain(created -> created != null ? Uni.createFrom().item(created)
                        // the key was used before (or by a concurrent call): answer with that decision
                        : Panache.withSession(() -> decisions.findByIdempotencyKey(decision.userId, decision.idempotencyKey))
                                // a key stays used after its decision was archived: it never makes a second one
                                .onItem().ifNull().failWith(() -> ProblemException.conflict("Idempotency-Key " + decision.idempotencyKey
                                        + " was used by a decision that has since been archived"))
                                .map(earlier -> new Created<>(earlier, true)));
    }

    private Uni<Void> writeBatch(List<Pending> batch) {
        return write(batch).onFailure().recoverWithUni(failure -> batch.size() == 1 ? fail(batch.get(0), failure) : oneByOne(batch));
    }

    private Uni<Void> write(List<Pending> batch) {
        List<Decision> toWrite = batch.stream().map(Pending::decision).toList();
        return pool.withTransaction(connection -> inserts.insert(connection, toWrite).call(ids -> {
                    List<Outbox.Entry> events = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        Decision d = toWrite.get(i);
                        d.id = ids.get(i);
                        if (d.id != null) {
                            events.add(new Outbox.Entry(EventType.DECISION_MADE, d.id.toString(), mapper.toEvent(d), d.createdAt,
                                    batch.get(i).traceparent()));
                        }
                    }
                    return outbox.addAll(connection, events);
                }))
                // after the commit: each call learns its decision, or null when its key was used before
                .invoke(ids -> batch.forEach(p -> p.done().complete(p.decision().id != null ? new Created<>(p.decision(), false) : null)))
                .replaceWithVoid();
    }

    private Uni<Void> oneByOne(List<Pending> batch) {
        batch.forEach(p -> p.decision().id = null);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Pending p : batch) {
            chain = chain.chain(() -> write(List.of(p)).onFailure().recoverWithUni(failure -> fail(p, failure)));
        }
        return chain;
    }

    private static Uni<Void> fail(Pending pending, Throwable failure) {
        pending.decision().id = null;
        pending.done().completeExceptionally(failure);
        return Uni.createFrom().voidItem();
    }
}
