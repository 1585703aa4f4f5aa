package io.finagent.cache.level;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * L2 reads, gathered per event loop ({@link LoopReads}): each Vert.x event loop has its own Redis
 * connection, and the keys its requests ask for in one pass of the loop go to Redis as one MGET.
 * The reply arrives on the thread whose requests wait for it, so no answer hops to another loop
 * (with one shared batch, the hops were a fifth of an L2 hit: cache-service README). Off an event
 * loop (tests, jobs) a read is a plain GET.
 */
final class RedisReads {

    record Pending(String key, UniEmitter<? super String> answer, ContextInternal caller) {

        void complete(Response value) {
            caller.emit(value, v -> answer.complete(v == null ? null : v.toString()));
        }

        void fail(Throwable failure) {
            caller.emit(failure, answer::fail);
        }
    }

    private final Redis client;
    private final Function<String, Uni<String>> plainGet;
    private final ThreadLocal<LoopReads> loops = new ThreadLocal<>();
    private final Set<LoopReads> all = ConcurrentHashMap.newKeySet();

    RedisReads(Vertx vertx, String url, Function<String, Uni<String>> plainGet) {
        int loopCount = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            loopCount++; // one connection each
        }
        this.client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
                .setMaxPoolSize(loopCount).setMaxPoolWaiting(loopCount));
        this.plainGet = plainGet;
    }

    Uni<String> get(String key) {
        Context current = Vertx.currentContext();
        if (current == null || !current.isEventLoopContext()) {
            return plainGet.apply(key);
        }
        ContextInternal caller = (ContextInternal) current;
        return Uni.createFrom().emitter(answer -> loop(caller).add(new Pending(key, answer, caller)));
    }

    void close() {
        all.forEach(LoopReads::close);
        client.close();
    }

    private LoopReads loop(ContextInternal caller) {
        LoopReads loop = loops.get();
        if (loop == null) {
            loop = new LoopReads(caller.unwrap(), client);
            loops.set(loop);
            all.add(loop);
        }
        return loop;
    }
}
