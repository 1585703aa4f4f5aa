package io.finagent.cache.level;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * L2 reads, gathered per event loop ({@link LoopReads}): each Vert.x event loop holds one
 * connection of the service's Redis client, and the keys its requests ask for in one pass of the
 * loop go to Redis as one MGET. The reply arrives on the thread whose requests wait for it, so no
 * answer hops to another loop (with one shared batch, the hops were a fifth of an L2 hit:
 * cache-service README). Off an event loop (tests, jobs) a read is a plain GET.
 */
final class RedisReads {

    /** A read waiting for its MGET; answered on its caller's own (duplicated) context, so its request's context goes on with it. */
    record Pending(String key, UniEmitter<? super String> answer, Context caller) {

        void complete(Response value) {
            String found = value == null ? null : value.toString();
            caller.runOnContext(v -> answer.complete(found));
        }

        void fail(Throwable failure) {
            caller.runOnContext(v -> answer.fail(failure));
        }
    }

    private final Redis client;
    private final Function<String, Uni<String>> plainGet;
    private final ThreadLocal<LoopReads> loops = new ThreadLocal<>();
    private final Set<LoopReads> all = ConcurrentHashMap.newKeySet();

    RedisReads(Redis client, Function<String, Uni<String>> plainGet) {
        this.client = client;
        this.plainGet = plainGet;
    }

    Uni<String> get(String key) {
        Context caller = Vertx.currentContext();
        if (caller == null || !caller.isEventLoopContext()) {
            return plainGet.apply(key);
        }
        return Uni.createFrom().emitter(answer -> loop(caller).add(new Pending(key, answer, caller)));
    }

    /** Gives the loops' connections back to the client's pool. */
    void close() {
        all.forEach(LoopReads::close);
    }

    private LoopReads loop(Context caller) {
        LoopReads loop = loops.get();
        if (loop == null) {
            loop = new LoopReads(VertxContext.getRootContext(caller), client);
            loops.set(loop);
            all.add(loop);
        }
        return loop;
    }
}
