package io.finagent.memory.service;

import io.finagent.memory.config.WorkingMemoryConfig;
import io.finagent.memory.domain.SessionEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's short-term memory: per user and session, a bounded buffer of recent events in RAM.
 * It is not persisted: what must survive a restart is a decision, memory, pattern or episode.
 */
@ApplicationScoped
public class WorkingMemory {

    private record SessionKey(String userId, String sessionId) {
    }

    private static final class Session {
        final Deque<SessionEvent> events = new ArrayDeque<>();
        volatile Instant lastTouched = Instant.now();
    }

    private final Map<SessionKey, Session> sessions = new ConcurrentHashMap<>();
    private final WorkingMemoryConfig config;

    public WorkingMemory(WorkingMemoryConfig config, MeterRegistry registry) {
        this.config = config;
        registry.gaugeMapSize("finagent.working_memory.sessions", List.of(), sessions);
    }

    public void add(String userId, String sessionId, SessionEvent event) {
        Session session = sessions.computeIfAbsent(new SessionKey(userId, sessionId), k -> new Session());
        synchronized (session) {
            if (session.events.size() >= config.capacity()) {
                session.events.removeFirst();
            }
            session.events.addLast(event);
            session.lastTouched = Instant.now();
        }
    }

    /** Events since {@code since}, oldest first; empty when the user has no such session. */
    public Optional<List<SessionEvent>> since(String userId, String sessionId, Instant since) {
        Session session = sessions.get(new SessionKey(userId, sessionId));
        if (session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.of(session.events.stream()
                    .filter(e -> !e.occurredAt().isBefore(since))
                    .sorted(Comparator.comparing(SessionEvent::occurredAt))
                    .toList());
        }
    }

    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleSessions() {
        Instant cutoff = Instant.now().minus(config.idleTimeout());
        sessions.values().removeIf(s -> s.lastTouched.isBefore(cutoff));
    }
}
