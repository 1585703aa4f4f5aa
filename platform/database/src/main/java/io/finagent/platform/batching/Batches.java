package io.finagent.platform.batching;

import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Group work into batches without a timer: whatever arrives while the batches in flight (at most
 * {@code maxInFlight}) are being done goes into the next one, so a lone item waits for nothing
 * and a burst costs one round trip per batch instead of one per item. {@code send} must complete
 * (never fail) once it has answered every item of its batch.
 */
public final class Batches<T> {

    private final int maxBatch;
    private final int maxInFlight;
    private final Function<List<T>, Uni<Void>> send;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public Batches(int maxBatch, int maxInFlight, Function<List<T>, Uni<Void>> send) {
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.send = send;
    }

    public void add(T item) {
        queue.add(item);
        sendNext();
    }

    private void sendNext() {
        int running = inFlight.get();
        if (running >= maxInFlight) {
            return; // a batch in flight sends this one when it is done
        }
        if (!inFlight.compareAndSet(running, running + 1)) {
            sendNext();
            return;
        }
        List<T> batch = new ArrayList<>();
        T next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            inFlight.decrementAndGet();
            if (!queue.isEmpty()) {
                sendNext(); // something arrived between the poll and the decrement
            }
            return;
        }
        send.apply(batch).subscribe().with(done -> finished(), failure -> finished());
    }

    private void finished() {
        inFlight.decrementAndGet();
        sendNext();
    }
}
