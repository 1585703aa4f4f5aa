package io.finagent.cache.level;

import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.CachedValue;
import io.finagent.cache.domain.Glob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** L3: PostgreSQL, table cache_entries, one row per key id; expired rows are never served and are purged by {@link ExpiredRowPurge}. */
@ApplicationScoped
public class DatabaseLevel {

    private static final String GET = """
            SELECT value::text AS json, absent, expires_at FROM cache_entries
            WHERE cache_key = $1 AND expires_at > now()""";
    // the value goes as text and is cast: a String bound to a jsonb parameter would be stored as a JSON string
    private static final String PUT = """
            INSERT INTO cache_entries (cache_key, user_id, value, absent, created_at, expires_at)
            VALUES ($1, $2, $3::text::jsonb, $4, now(), $5)
            ON CONFLICT ON CONSTRAINT uq_cache_entries_user_key
            DO UPDATE SET value = EXCLUDED.value, absent = EXCLUDED.absent, created_at = EXCLUDED.created_at,
                          expires_at = EXCLUDED.expires_at""";

    private final Pool pool;

    public DatabaseLevel(Pool pool) {
        this.pool = pool;
    }

    public Uni<CachedValue> get(String id) {
        return pool.preparedQuery(GET).execute(Tuple.of(id)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            Instant expiresAt = row.getOffsetDateTime("expires_at").toInstant();
            return row.getBoolean("absent") ? CachedValue.absent(expiresAt) : new CachedValue(row.getString("json"), expiresAt);
        });
    }

    public Uni<Void> put(CacheKey key, CachedValue value) {
        return pool.preparedQuery(PUT).execute(Tuple.of(key.id(), key.owner(), value.isAbsent() ? "null" : value.json(),
                value.isAbsent(), OffsetDateTime.ofInstant(value.expiresAt(), ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Void> remove(String id) {
        return pool.preparedQuery("DELETE FROM cache_entries WHERE cache_key = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Integer> removeMatching(String idGlob) {
        return pool.preparedQuery("DELETE FROM cache_entries WHERE cache_key ~ $1").execute(Tuple.of(Glob.toRegex(idGlob)))
                .map(rows -> rows.rowCount());
    }

    public Uni<Long> size() {
        return pool.query("SELECT count(*) FROM cache_entries WHERE expires_at > now()").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Deletes up to {@code batch} expired rows; returns how many. */
    public Uni<Integer> purgeExpired(int batch) {
        return pool.preparedQuery("""
                        DELETE FROM cache_entries WHERE id IN (
                            SELECT id FROM cache_entries WHERE expires_at <= now() ORDER BY expires_at LIMIT $1)""")
                .execute(Tuple.of(batch)).map(rows -> rows.rowCount());
    }
}
