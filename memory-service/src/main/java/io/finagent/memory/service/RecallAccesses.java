package io.finagent.memory.service;

import io.finagent.memory.repository.DecisionAccessRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What recall returned, counted in memory and written once a second in one statement, so a
 * recall never waits for a write. access_count and last_accessed are thus at most a second
 * behind (and a crash loses at most that second of counts: they rank, they are not money).
 */
@ApplicationScoped
public class RecallAccesses {

    private static final Logger LOG = Logger.getLogger(RecallAccesses.class);

    private final ConcurrentLinkedQueue<Long> recalled = new ConcurrentLinkedQueue<>();
    private final DecisionAccessRepository accesses;

    public RecallAccesses(DecisionAccessRepository accesses) {
        this.accesses = accesses;
    }

    public void add(List<Long> ids) {
        recalled.addAll(ids);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> flush() {
        Map<Long, Integer> counts = new HashMap<>();
        for (Long id = recalled.poll(); id != null; id = recalled.poll()) {
            counts.merge(id, 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return accesses.addAccesses(counts, Instant.now())
                .onFailure().invoke(e -> {
                    LOG.warnf("recall accesses not written, retrying next second: %s", e.getMessage());
                    counts.forEach((id, n) -> {
                        for (int i = 0; i < n; i++) {
                            recalled.add(id);
                        }
                    });
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    void onStop(@Observes ShutdownEvent event) {
        flush().await().atMost(Duration.ofSeconds(5));
    }
}
