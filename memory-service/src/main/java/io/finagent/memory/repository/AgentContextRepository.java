package io.finagent.memory.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.finagent.memory.repository.SqlInstants.utc;

/** agent_contexts: each assembled context as the exact JSON answered, with its digest; scoped to its user. */
@ApplicationScoped
public class AgentContextRepository {

    /** One kept context: what was answered, as of when, and the digest taken when it was answered. */
    public record KeptContext(UUID id, Instant asOf, String body, String digest) {
    }

    private static final String INSERT = "INSERT INTO agent_contexts (id, user_id, as_of, body, digest) VALUES ($1, $2, $3, $4, $5)";
    private static final String FIND = "SELECT id, as_of, body, digest FROM agent_contexts WHERE user_id = $1 AND id = $2";
    /** Uncited contexts older than the retention; a decision citing one keeps it as long as the decision. */
    private static final String FORGET = """
            DELETE FROM agent_contexts c WHERE c.assembled_at < $1
              AND NOT EXISTS (SELECT 1 FROM decision_history d WHERE d.context_id = c.id)""";

    private final Pool pool;

    public AgentContextRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(String userId, KeptContext context) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(context.id(), userId, utc(context.asOf()), context.body(), context.digest()))
                .replaceWithVoid();
    }

    public Uni<Optional<KeptContext>> find(String userId, UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(userId, id)).map(rows -> {
            var found = rows.iterator();
            if (!found.hasNext()) {
                return Optional.empty();
            }
            var row = found.next();
            return Optional.of(new KeptContext(row.getUUID("id"), row.getOffsetDateTime("as_of").toInstant(), row.getString("body"),
                    row.getString("digest")));
        });
    }

    public Uni<Integer> forgetUncitedOlderThan(Duration retention) {
        return pool.preparedQuery(FORGET).execute(Tuple.of(utc(Instant.now().minus(retention)))).map(rows -> rows.rowCount());
    }
}
