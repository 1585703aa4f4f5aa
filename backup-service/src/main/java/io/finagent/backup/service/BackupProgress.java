package io.finagent.backup.service;

import io.finagent.backup.domain.BackupType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Backups as metrics: {@code finagent.backup.running.bytes} (data read by the backups now
 * running), {@code finagent.backup.last.success.seconds{type}} (epoch seconds of the newest
 * completed backup of each type, 0 for none: the seed's "no backup for 2 days" alert), and
 * {@code finagent.backup.runs{type,outcome}}.
 */
// at start, not at the first backup: the "no backup for 2 days" alert must see the gauges after a restart too
@Startup
@ApplicationScoped
public class BackupProgress {

    private final MeterRegistry registry;
    private final Map<Long, AtomicLong> running = new ConcurrentHashMap<>();
    private final Map<BackupType, AtomicLong> lastSuccess = new EnumMap<>(BackupType.class);

    public BackupProgress(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("finagent.backup.running.bytes", running, r -> r.values().stream().mapToLong(AtomicLong::get).sum());
        for (BackupType type : BackupType.values()) {
            lastSuccess.put(type, registry.gauge("finagent.backup.last.success.seconds", Tags.of("type", type.name()), new AtomicLong()));
            runs(type, true);
            runs(type, false); // at zero from the start, so increase() over a window sees the first run
        }
    }

    private Counter runs(BackupType type, boolean completed) {
        return registry.counter("finagent.backup.runs", "type", type.name(), "outcome", completed ? "completed" : "failed");
    }

    void read(BackupJob job, long bytes) {
        running.computeIfAbsent(job.id(), id -> new AtomicLong()).addAndGet(bytes);
    }

    public long bytes(long id) {
        AtomicLong bytes = running.get(id);
        return bytes == null ? 0 : bytes.get();
    }

    void ended(BackupJob job, boolean completed) {
        running.remove(job.id());
        runs(job.type(), completed).increment();
    }

    /** A completed backup of {@code type}: the newest one wins. */
    void succeeded(BackupType type, Instant completedAt) {
        lastSuccess.get(type).accumulateAndGet(completedAt.getEpochSecond(), Math::max);
    }
}
