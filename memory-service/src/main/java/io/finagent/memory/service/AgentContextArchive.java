package io.finagent.memory.service;

import io.finagent.memory.config.MemoryConfig;
import io.finagent.memory.domain.Decision;
import io.finagent.memory.repository.AgentContextRepository;
import io.finagent.memory.repository.AgentContextRepository.KeptContext;
import io.finagent.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What the agent saw: every context GET /context assembles is kept as the JSON answered, with the
 * SHA-256 of that JSON as its digest. A decision citing it copies the digest, so the context
 * shown later is proven unchanged when the digest of what is kept is still the one the decision
 * copied (and the one the agent was given). A context no decision cites is forgotten after
 * {@code finagent.memories.uncited-context-retention}.
 */
@ApplicationScoped
public class AgentContextArchive {

    /** A decision's context as kept, and whether it is provably the one the decision cited. */
    public record CitedContext(long decisionId, UUID contextId, Instant asOf, String body, String digest, String citedDigest,
                               boolean verified) {
    }

    private static final Logger LOG = Logger.getLogger(AgentContextArchive.class);

    private final AgentContextRepository contexts;
    private final MemoryConfig config;
    private final Counter kept;
    private final Counter forgotten;
    private final Counter changed;

    public AgentContextArchive(AgentContextRepository contexts, MemoryConfig config, MeterRegistry registry) {
        this.contexts = contexts;
        this.config = config;
        this.kept = Counter.builder("finagent.memories.contexts.kept").description("contexts assembled and kept").register(registry);
        this.forgotten = Counter.builder("finagent.memories.contexts.forgotten")
                .description("kept contexts no decision cited, dropped after their retention").register(registry);
        this.changed = Counter.builder("finagent.memories.contexts.changed")
                .description("cited contexts read back whose digest no longer matched: changed after they were kept").register(registry);
    }

    /** Keeps the context's JSON; answers its digest. */
    public Uni<String> keep(String userId, UUID id, Instant asOf, String json) {
        String digest = digest(json);
        return contexts.insert(userId, new KeptContext(id, asOf, json, digest)).invoke(() -> kept.increment()).replaceWith(digest);
    }

    /**
     * Before a decision citing a context is recorded: the context must be the user's (else a 404), and
     * assembled as of no later than the decision (else a 422), each naming {@code contextId}; the decision copies its digest.
     */
    public Uni<Decision> cite(Decision decision) {
        if (decision.contextId == null) {
            return Uni.createFrom().item(decision);
        }
        return contexts.find(decision.userId, decision.contextId).map(found -> {
            KeptContext context = found.orElseThrow(() -> ProblemException.unknownReference("contextId", "context",
                    List.of(decision.contextId)));
            if (context.asOf().isAfter(decision.decidedAt)) {
                throw ProblemException.unprocessable("contextId", "the context was assembled as of " + context.asOf()
                        + ", after the decision's decidedAt " + decision.decidedAt);
            }
            decision.contextDigest = context.digest();
            return decision;
        });
    }

    /** The context the decision cited; a 404 when it cites none, or it is no longer kept. */
    public Uni<CitedContext> citedBy(Decision decision) {
        if (decision.contextId == null) {
            return Uni.createFrom().failure(ProblemException.notFound("context of decision", decision.id));
        }
        return contexts.find(decision.userId, decision.contextId).map(found -> {
            KeptContext context = found.orElseThrow(() -> ProblemException.notFound("context", decision.contextId));
            String digest = digest(context.body());
            boolean verified = digest.equals(decision.contextDigest) && digest.equals(context.digest());
            if (!verified) {
                changed.increment();
                LOG.warnf("the context %s of decision %d does not match its digest: it was changed after it was kept",
                        decision.contextId, decision.id);
            }
            return new CitedContext(decision.id, context.id(), context.asOf(), context.body(), digest, decision.contextDigest, verified);
        });
    }

    @Scheduled(identity = "forget-uncited-contexts", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetUncited() {
        return contexts.forgetUncitedOlderThan(config.uncitedContextRetention())
                .invoke(n -> {
                    forgotten.increment(n);
                    if (n > 0) {
                        LOG.infof("forgot %d contexts no decision cited, older than %s", n, config.uncitedContextRetention());
                    }
                })
                .replaceWithVoid();
    }

    static String digest(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
