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
import java.util.List;

/**
 * L3: PostgreSQL. Market data goes to market_data_cache (with its symbol, data type, timeframe
 * and the data's own time), everything else to cache_entries; one row per key id (in
 * market_data_cache, monthly partitioned, kept so by its writers). Expired rows are never
 * served, and {@link ExpiredRowPurge} deletes them.
 */
@ApplicationScoped
public class DatabaseLevel {

    private static final String MARKET = "market_data_cache";
    private static final String ENTRIES = "cache_entries";
    // the value goes as text and is cast: a String bound to a jsonb parameter would be stored as a JSON string
    private static final String PUT_ENTRY = """
            INSERT INTO cache_entries (cache_key, user_id, value, absent, created_at, expires_at)
            VALUES ($1, $2, $3::text::jsonb, $4, $5, $6)
            ON CONFLICT ON CONSTRAINT uq_cache_entries_user_key
            DO UPDATE SET value = EXCLUDED.value, absent = EXCLUDED.absent, created_at = EXCLUDED.created_at,
                          expires_at = EXCLUDED.expires_at""";
    // market_data_cache is partitioned by month of created_at, so no unique index holds a key to one
    // row: its writers take turns on the key (LOCK_KEY, to the end of the transaction) and update the
    // row there is, which moves it to the month it is written in, or insert one
    private static final String LOCK_KEY = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
    private static final String PUT_MARKET = """
            WITH updated AS (
                UPDATE market_data_cache SET value = $5::text::jsonb, absent = $6, created_at = $7, expires_at = $8, data_time = $9
                WHERE cache_key = $1 RETURNING 1)
            INSERT INTO market_data_cache (cache_key, symbol, data_type, timeframe, value, absent, created_at, expires_at, data_time)
            SELECT $1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9 WHERE NOT EXISTS (SELECT FROM updated)""";

    private final Pool pool;

    public DatabaseLevel(Pool pool) {
        this.pool = pool;
    }

    public Uni<CachedValue> get(String id) {
        String dataTimeColumn = MARKET.equals(table(id)) ? "data_time" : "NULL::timestamptz AS data_time";
        return pool.preparedQuery("SELECT value::text AS json, absent, created_at, expires_at, " + dataTimeColumn + " FROM " + table(id)
                        + " WHERE cache_key = $1 AND expires_at > now()")
                .execute(Tuple.of(id)).map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    Instant storedAt = row.getOffsetDateTime("created_at").toInstant();
                    Instant expiresAt = row.getOffsetDateTime("expires_at").toInstant();
                    OffsetDateTime dataTime = row.getOffsetDateTime("data_time");
                    return row.getBoolean("absent") ? CachedValue.absent(storedAt, expiresAt)
                            : new CachedValue(row.getString("json"), storedAt, expiresAt, dataTime == null ? null : dataTime.toInstant());
                });
    }

    public Uni<Void> put(CacheKey key, CachedValue value) {
        String json = value.isAbsent() ? "null" : value.json();
        OffsetDateTime stored = utc(value.storedAt());
        OffsetDateTime expires = utc(value.expiresAt());
        if (!key.isMarket()) {
            return pool.preparedQuery(PUT_ENTRY).execute(Tuple.tuple(List.of(key.id(), key.owner(), json, value.isAbsent(),
                    stored, expires))).replaceWithVoid();
        }
        String[] parts = key.name().split(":", 3); // symbol, data type, timeframe
        String timeframe = CacheKey.NO_TIMEFRAME.equals(parts[2]) ? null : parts[2];
        Tuple row = Tuple.of(key.id(), parts[0], parts[1]).addValue(timeframe).addValue(json).addValue(value.isAbsent())
                .addValue(stored).addValue(expires).addValue(value.dataTime() == null ? null : utc(value.dataTime()));
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_KEY).execute(Tuple.of(key.id()))
                .chain(() -> connection.preparedQuery(PUT_MARKET).execute(row))).replaceWithVoid();
    }

    public Uni<Void> remove(String id) {
        return pool.preparedQuery("DELETE FROM " + table(id) + " WHERE cache_key = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Integer> removeMatching(String idGlob) {
        return pool.preparedQuery("DELETE FROM " + table(idGlob) + " WHERE cache_key ~ $1").execute(Tuple.of(Glob.toRegex(idGlob)))
                .map(rows -> rows.rowCount());
    }

    public Uni<Long> size() {
        return pool.query("SELECT (SELECT count(*) FROM cache_entries WHERE expires_at > now())"
                        + " + (SELECT count(*) FROM market_data_cache WHERE expires_at > now())").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Deletes up to {@code batch} expired rows of each table; returns how many. */
    public Uni<Integer> purgeExpired(int batch) {
        return purge(ENTRIES, batch).chain(entries -> purge(MARKET, batch).map(market -> entries + market));
    }

    private Uni<Integer> purge(String table, int batch) {
        return pool.preparedQuery("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                        + " WHERE expires_at <= now() ORDER BY expires_at LIMIT $1)")
                .execute(Tuple.of(batch)).map(rows -> rows.rowCount());
    }

    /** Ids (and id globs) of the market namespace live in market_data_cache. */
    private static String table(String idOrGlob) {
        return idOrGlob.startsWith(CacheKey.MARKET + ":") ? MARKET : ENTRIES;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
