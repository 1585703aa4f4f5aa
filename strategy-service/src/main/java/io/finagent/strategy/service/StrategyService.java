package io.finagent.strategy.service;

import io.finagent.platform.events.EventType;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.outbox.Outbox;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Owned;
import io.finagent.strategy.domain.Strategy;
import io.finagent.strategy.domain.StrategyStatus;
import io.finagent.strategy.domain.StrategyVersion;
import io.finagent.strategy.mapping.StrategyMapper;
import io.finagent.strategy.repository.StrategyRepository;
import io.finagent.strategy.repository.StrategyVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strategies and the history of their configuration: every change of config is a new version
 * holding the config it replaced, and a restore is a new version too, so history is never
 * rewritten. Each change is announced on {@code strategy-changed}, in the same transaction.
 */
@ApplicationScoped
public class StrategyService {

    private final StrategyRepository strategies;
    private final StrategyVersionRepository versions;
    private final StrategyMapper mapper;
    private final Outbox outbox;

    public StrategyService(StrategyRepository strategies, StrategyVersionRepository versions, StrategyMapper mapper, Outbox outbox) {
        this.strategies = strategies;
        this.versions = versions;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    public Uni<Created<Strategy>> create(Strategy strategy, String changelog) {
        return IdempotentCreate.create(strategy.idempotencyKey,
                () -> strategies.findByIdempotencyKey(strategy.userId, strategy.idempotencyKey),
                () -> strategies.persist(strategy)
                        .chain(() -> versions.persist(StrategyVersion.of(strategy, null, changelog == null ? "created" : changelog, strategy.createdAt)))
                        .chain(() -> announce(strategy)).replaceWith(strategy));
    }

    @WithSession
    public Uni<Strategy> find(String userId, long id) {
        return Owned.orNotFound(strategies.findOwned(userId, id), "strategy", id);
    }

    @WithSession
    public Uni<Page<Strategy>> list(String userId, StrategyStatus status, int page, int size) {
        return strategies.pageOwned(userId, status, page, size)
                .chain(items -> strategies.countOwned(userId, status).map(total -> new Page<>(items, page, size, total)));
    }

    @WithTransaction
    public Uni<Strategy> update(String userId, long id, StrategyChange change, Instant now) {
        return changeable(userId, id).chain(s -> {
            s.name = change.name();
            s.description = change.description();
            s.type = change.type();
            s.defaultHorizonMinutes = change.defaultHorizonMinutes();
            s.status = change.status() == null ? s.status : change.status();
            s.updatedAt = now;
            boolean reconfigured = change.config() != null && !change.config().equals(s.config);
            Uni<Void> version = !reconfigured ? Uni.createFrom().voidItem()
                    : versions.persist(StrategyVersion.of(s, s.reconfigure(change.config()), change.changelog(), now)).replaceWithVoid();
            return version.chain(() -> announce(s)).replaceWith(s);
        });
    }

    /** Brings version {@code number}'s config back as a new version. */
    @WithTransaction
    public Uni<StrategyVersion> restore(String userId, long id, int number, String changelog, Instant now) {
        return changeable(userId, id).chain(s -> Owned.orNotFound(versions.find(userId, id, number), "version", number)
                .chain(old -> {
                    Map<String, Object> previous = s.reconfigure(new LinkedHashMap<>(old.config));
                    s.updatedAt = now;
                    StrategyVersion restored = StrategyVersion.of(s, previous, changelog == null ? "restored version " + number : changelog, now);
                    return versions.persist(restored).chain(() -> announce(s)).replaceWith(restored);
                }));
    }

    @WithSession
    public Uni<Page<StrategyVersion>> versions(String userId, long id, int page, int size) {
        return find(userId, id).chain(s -> versions.pageOf(userId, id, page, size))
                .chain(items -> versions.countOf(userId, id).map(total -> new Page<>(items, page, size, total)));
    }

    private Uni<Strategy> changeable(String userId, long id) {
        return Owned.orNotFound(strategies.lockOwned(userId, id), "strategy", id).invoke(s -> {
            if (s.status == StrategyStatus.ARCHIVED) {
                throw ProblemException.conflict("strategy " + id + " is archived: it changes no more");
            }
        });
    }

    private Uni<Void> announce(Strategy s) {
        return outbox.add(new Outbox.Entry(EventType.STRATEGY_CHANGED, String.valueOf(s.id), mapper.toEvent(s), s.updatedAt));
    }
}
