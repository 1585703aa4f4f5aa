package io.finagent.backup.service;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/** The catalogue (Hibernate Reactive) from blocking work: backups and restores run on their own threads. */
final class OnVertxContext {

    private OnVertxContext() {
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
