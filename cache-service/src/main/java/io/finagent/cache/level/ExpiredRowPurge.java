package io.finagent.cache.level;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Deletes L3's expired rows (they are never served, but they take room), a batch at a time until none is left. */
@ApplicationScoped
public class ExpiredRowPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredRowPurge.class);
    private static final int BATCH = 5000;

    private final DatabaseLevel l3;
    private final Counter purged;

    public ExpiredRowPurge(DatabaseLevel l3, MeterRegistry registry) {
        this.l3 = l3;
        this.purged = registry.counter("finagent.cache.l3.purged.rows");
    }

    @Scheduled(every = "${finagent.cache.purge-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return l3.purgeExpired(BATCH).chain(n -> {
            purged.increment(n);
            return n >= BATCH ? purge() : Uni.createFrom().voidItem();
        }).onFailure().invoke(e -> LOG.warnf("purge of expired L3 rows failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
