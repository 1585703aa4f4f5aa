package io.finagent.memory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.memory.config.WorkingMemoryConfig;
import io.finagent.memory.domain.SessionEvent;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The agent's short-term memory: per user and session, the recent events, in Redis so that every
 * replica sees them and a restart keeps them. A session is one sorted set scored by occurredAt in
 * microseconds. A member is the arrival time (Redis's clock, 16 digits) and a random tag (8 hex),
 * then the event's JSON: equal times keep their order of arrival and equal events stay apart.
 * While Redis is down every call fails as a 503 problem.
 */
@ApplicationScoped
public class WorkingMemory {

    private static final Logger LOG = Logger.getLogger(WorkingMemory.class);
    /**
     * Add, bound and refresh the idle timeout in one step: two replicas adding at once cannot
     * overshoot the bound. With an Idempotency-Key (KEYS[2]) an event is added once: a repeat
     * returns the first event's JSON instead, so a retry after a 503 whose script did run adds nothing.
     */
    private static final String ADD = """
            if KEYS[2] then
              local first = redis.call('GET', KEYS[2])
              if first then return first end
            end
            local now = redis.call('TIME')
            local member = string.format('%010d%06d', tonumber(now[1]), tonumber(now[2])) .. ARGV[2] .. ARGV[3]
            redis.call('ZADD', KEYS[1], ARGV[1], member)
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -1 - tonumber(ARGV[4]))
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            if KEYS[2] then redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[5]) end
            return ''
            """;
    private static final int ARRIVAL_AND_TAG = 24;

    private final ReactiveRedisDataSource redis;
    private final ReactiveSortedSetCommands<String, String> sessions;
    private final ReactiveKeyCommands<String> keys;
    private final WorkingMemoryConfig config;
    private final ObjectMapper json;
    private final Counter addFailures;
    private final Counter readFailures;

    public WorkingMemory(ReactiveRedisDataSource redis, WorkingMemoryConfig config, ObjectMapper json, MeterRegistry registry) {
        this.redis = redis;
        this.sessions = redis.sortedSet(String.class, String.class);
        this.keys = redis.key(String.class);
        this.config = config;
        this.json = json;
        this.addFailures = registry.counter("finagent.working.memory.redis.failures", "operation", "add");
        this.readFailures = registry.counter("finagent.working.memory.redis.failures", "operation", "read");
    }

    /** Adds the event, or with an {@code idempotencyKey} already used in this session, returns the first event it added. */
    public Uni<Created<SessionEvent>> add(String userId, String sessionId, SessionEvent event, String idempotencyKey) {
        String tag = "%08x".formatted(ThreadLocalRandom.current().nextInt());
        String key = key(userId, sessionId);
        List<String> keys = idempotencyKey == null ? List.of(key) : List.of(key, key + ":idempotency-key:" + idempotencyKey);
        List<String> args = new ArrayList<>(List.of(ADD, Integer.toString(keys.size())));
        args.addAll(keys);
        args.addAll(List.of(Long.toString(micros(event.occurredAt())), tag, write(event), Integer.toString(config.capacity()),
                Long.toString(config.idleTimeout().toMillis())));
        return guarded(redis.execute("EVAL", args.toArray(String[]::new)), addFailures).map(first -> first.toString().isEmpty()
                ? new Created<>(event, false)
                : new Created<>(readEvent(first.toString()), true));
    }

    /** Events since {@code since}, oldest first; empty when the user has no such session (or it was forgotten). */
    public Uni<Optional<List<SessionEvent>>> since(String userId, String sessionId, Instant since) {
        String key = key(userId, sessionId);
        return guarded(sessions.zrangebyscore(key, new ScoreRange<>((double) micros(since), Double.POSITIVE_INFINITY)), readFailures)
                .chain(found -> found.isEmpty()
                        ? guarded(keys.exists(key), readFailures).map(held -> held ? Optional.of(List.<SessionEvent>of()) : Optional.empty())
                        : Uni.createFrom().item(Optional.of(found.stream().map(this::read).toList())));
    }

    /** For readiness details only: not counted as a failure of working memory. */
    public Uni<Void> ping() {
        return redis.execute("PING").ifNoItem().after(config.timeout()).fail().replaceWithVoid();
    }

    /**
     * The user id is length-prefixed, so no pair of user and session ids can form another pair's key
     * (session ids have no colon).
     */
    private String key(String userId, String sessionId) {
        return config.redisPrefix() + userId.length() + ":" + userId + ":" + sessionId;
    }

    private <T> Uni<T> guarded(Uni<T> call, Counter failures) {
        return call.ifNoItem().after(config.timeout()).fail().onFailure().transform(e -> {
            failures.increment();
            LOG.warnf("working memory: Redis did not answer (%s)", e.toString());
            return ProblemException.unavailable("working memory (Redis) is unavailable; retry later");
        });
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private String write(SessionEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SessionEvent read(String member) {
        return readEvent(member.substring(ARRIVAL_AND_TAG));
    }

    private SessionEvent readEvent(String event) {
        try {
            return json.readValue(event, SessionEvent.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
