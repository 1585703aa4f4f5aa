package io.finagent.cache.level;

import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * L2 reads in batches: whatever arrives while the MGETs in flight (at most two) are answered goes
 * into the next one, so a lone read waits for nothing and a burst costs Redis one command per
 * batch instead of one per key. Each caller gets its answer back on its own Vert.x context.
 */
final class RedisReads {

    private static final int MAX_BATCH = 256;
    private static final int MAX_IN_FLIGHT = 2;

    private record Pending(String key, UniEmitter<? super String> answer, Context caller) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    RedisReads(ReactiveValueCommands<String, String> values) {
        this.values = values;
    }

    Uni<String> get(String key) {
        return Uni.createFrom().emitter(answer -> {
            queue.add(new Pending(key, answer, Vertx.currentContext()));
            sendNext();
        });
    }

    private void sendNext() {
        int running = inFlight.get();
        if (running >= MAX_IN_FLIGHT) {
            return; // a batch in flight sends this one when it is answered
        }
        if (!inFlight.compareAndSet(running, running + 1)) {
            sendNext();
            return;
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            inFlight.decrementAndGet();
            if (!queue.isEmpty()) {
                sendNext(); // something arrived between the poll and the decrement
            }
            return;
        }
        Uni<Map<String, String>> reply = batch.size() == 1
                ? values.get(batch.get(0).key()).map(v -> v == null ? Map.of() : Map.of(batch.get(0).key(), v))
                : values.mget(batch.stream().map(Pending::key).distinct().toArray(String[]::new));
        reply.subscribe().with(found -> {
            inFlight.decrementAndGet();
            sendNext();
            batch.forEach(p -> answer(p, () -> p.answer().complete(found.get(p.key()))));
        }, failure -> {
            inFlight.decrementAndGet();
            sendNext();
            batch.forEach(p -> answer(p, () -> p.answer().fail(failure)));
        });
    }

    private static void answer(Pending pending, Runnable answer) {
        if (pending.caller() == null || pending.caller() == Vertx.currentContext()) {
            answer.run();
        } else {
            pending.caller().runOnContext(v -> answer.run());
        }
    }
}
