package io.finagent.cache.level;

import io.finagent.platform.batching.Batches;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;

/**
 * L2 reads in batches ({@link Batches}): at most four MGETs in flight (with two, the CPU sat idle
 * while callers waited), and whatever arrives meanwhile goes into the next, so a burst costs Redis
 * one command per batch instead of one per key. Each caller gets its answer back on its own Vert.x context.
 */
final class RedisReads {

    private record Pending(String key, UniEmitter<? super String> answer, Context caller) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final Batches<Pending> batches = new Batches<>(256, 4, this::send);

    RedisReads(ReactiveValueCommands<String, String> values) {
        this.values = values;
    }

    Uni<String> get(String key) {
        return Uni.createFrom().emitter(answer -> batches.add(new Pending(key, answer, Vertx.currentContext())));
    }

    private Uni<Void> send(List<Pending> batch) {
        Uni<Map<String, String>> reply = batch.size() == 1
                ? values.get(batch.get(0).key()).map(v -> v == null ? Map.of() : Map.of(batch.get(0).key(), v))
                : values.mget(batch.stream().map(Pending::key).distinct().toArray(String[]::new));
        return reply.invoke(found -> batch.forEach(p -> answer(p, () -> p.answer().complete(found.get(p.key())))))
                .onFailure().invoke(failure -> batch.forEach(p -> answer(p, () -> p.answer().fail(failure))))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static void answer(Pending pending, Runnable answer) {
        if (pending.caller() == null || pending.caller() == Vertx.currentContext()) {
            answer.run();
        } else {
            pending.caller().runOnContext(v -> answer.run());
        }
    }
}
