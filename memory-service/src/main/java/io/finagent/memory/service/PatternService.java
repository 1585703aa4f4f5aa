package io.finagent.memory.service;

import io.finagent.memory.domain.Pattern;
import io.finagent.memory.repository.CitationRepository;
import io.finagent.memory.repository.PatternRepository;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.idempotency.IdempotentCreate;
import io.finagent.platform.paging.Page;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Owned;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/** Long-term patterns: stored once per Idempotency-Key, ranked by their record, updated by each outcome. */
@ApplicationScoped
public class PatternService {

    private final PatternRepository patterns;
    private final CitationRepository citations;

    public PatternService(PatternRepository patterns, CitationRepository citations) {
        this.patterns = patterns;
        this.citations = citations;
    }

    public Uni<Created<Pattern>> create(Pattern pattern) {
        return IdempotentCreate.create(pattern.idempotencyKey,
                () -> patterns.findByIdempotencyKey(pattern.userId, pattern.idempotencyKey),
                () -> patterns.persist(pattern));
    }

    @WithSession
    public Uni<Pattern> find(String userId, long id) {
        return Owned.orNotFound(patterns.findOwned(userId, id), "pattern", id);
    }

    @WithSession
    public Uni<Page<Pattern>> ranked(String userId, String patternType, String symbol, int page, int size) {
        return patterns.pageRanked(userId, patternType, symbol, page, size)
                .chain(items -> patterns.countOwned(userId, patternType, symbol).map(total -> new Page<>(items, page, size, total)));
    }

    /** One more occurrence with its outcome, counted as decision outcomes are. */
    @WithTransaction
    public Uni<Pattern> observe(String userId, long id, BigDecimal outcome) {
        return citations.creditPatterns(userId, List.of(id), outcome)
                .chain(updated -> updated == 0 ? Uni.createFrom().nullItem() : patterns.findOwned(userId, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("pattern", id));
    }
}
