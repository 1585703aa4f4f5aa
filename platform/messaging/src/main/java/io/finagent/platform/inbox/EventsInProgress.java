package io.finagent.platform.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** The consumed events a service has begun and not finished: what a stopping service waits for ({@link ConsumersStop}). */
@ApplicationScoped
public class EventsInProgress {

    private final AtomicInteger count = new AtomicInteger();

    /** The work of one event, counted from its start to its end: applied, given up or cancelled. */
    public <T> Uni<T> track(Uni<T> work) {
        return work.onSubscription().invoke(count::incrementAndGet).onTermination().invoke(count::decrementAndGet);
    }

    public int count() {
        return count.get();
    }
}
