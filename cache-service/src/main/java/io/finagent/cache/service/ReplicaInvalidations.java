package io.finagent.cache.service;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.Glob;
import io.finagent.cache.level.MemoryLevel;
import io.finagent.cache.level.SharedLevel;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the L1 of every replica coherent: a write, delete or invalidation here is published on
 * a Redis channel, and every other replica drops the key (or the keys matching the glob) from
 * its own L1 as the message arrives. A replica ignores its own messages.
 */
@ApplicationScoped
public class ReplicaInvalidations {

    private static final Logger LOG = Logger.getLogger(ReplicaInvalidations.class);

    private final ReactivePubSubCommands<String> pubsub;
    private final MemoryLevel l1;
    private final LoadLeases leases;
    private final String channel;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicReference<ReactiveRedisSubscriber> subscriber = new AtomicReference<>();

    public ReplicaInvalidations(ReactiveRedisDataSource redis, MemoryLevel l1, LoadLeases leases, CacheConfig config) {
        this.pubsub = redis.pubsub(String.class);
        this.l1 = l1;
        this.leases = leases;
        this.channel = config.redisPrefix() + "invalidations";
    }

    void listen(@Observes StartupEvent start) {
        subscribe();
    }

    /** A subscription does not outlive the connection it was made on: after an outage, listen anew. */
    void listenAgain(@Observes SharedLevel.RedisBack back) {
        ReactiveRedisSubscriber old = subscriber.getAndSet(null);
        (old == null ? Uni.createFrom().voidItem() : old.unsubscribe().onFailure().recoverWithNull())
                .subscribe().with(done -> subscribe());
    }

    private void subscribe() {
        pubsub.subscribe(channel, this::received)
                .onFailure().invoke(e -> LOG.warnf("cannot subscribe to %s yet (%s); retrying", channel, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(s -> {
                    subscriber.set(s);
                    LOG.debugf("listening on %s as %s", channel, replica);
                });
    }

    /** Tells the other replicas that this key changed. */
    public Uni<Void> key(String id) {
        return publish("key " + id);
    }

    /** Tells the other replicas that the keys matching this glob are gone. */
    public Uni<Void> glob(String idGlob) {
        return publish("glob " + idGlob);
    }

    private Uni<Void> publish(String what) {
        // an L1 elsewhere that misses this stays stale until its TTL: logged, never failing the write
        return pubsub.publish(channel, replica + " " + what)
                .onFailure().invoke(e -> LOG.warnf("could not tell the other replicas (%s): %s", e.getMessage(), what))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void received(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length < 3 || parts[0].equals(replica)) {
            return;
        }
        if (parts[1].equals("key")) {
            l1.remove(parts[2]);
            leases.written(parts[2]); // callers waiting here for another replica's load read it now
        } else {
            l1.removeMatching(Glob.toPattern(parts[2]));
        }
    }
}
