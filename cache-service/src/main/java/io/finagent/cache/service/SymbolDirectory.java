package io.finagent.cache.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CacheKey;
import io.finagent.cache.domain.CachedValue;
import io.finagent.cache.domain.Level;
import io.finagent.cache.domain.SymbolMetadata;
import io.finagent.cache.repository.SymbolMetadataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The symbols' reference data: kept in symbols_metadata (L3's table of its own), read through L1
 * and L2 like any cached value. A write stores the row, then the new JSON in L1 and L2, which
 * drops it from every other replica's L1; a removal drops it from every level.
 */
@ApplicationScoped
public class SymbolDirectory {

    private static final Set<Level> LEVELS = EnumSet.of(Level.L1, Level.L2);

    /** A symbol's metadata as JSON, and the level it came from ({@code DB} when read from its table). */
    public record Entry(String json, String level) {
    }

    private final SymbolMetadataRepository symbols;
    private final TieredCache cache;
    private final CacheConfig config;
    private final ObjectMapper mapper;

    public SymbolDirectory(SymbolMetadataRepository symbols, TieredCache cache, CacheConfig config, ObjectMapper mapper) {
        this.symbols = symbols;
        this.cache = cache;
        this.config = config;
        this.mapper = mapper;
    }

    /** The symbol's metadata, or null when it has none. */
    public Uni<Entry> find(String symbol) {
        CacheKey key = key(symbol);
        return cache.get(key).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(new Entry(found.value().json(), found.level().name()));
            }
            return symbols.find(symbol).chain(row -> row == null ? Uni.createFrom().nullItem()
                    : keep(key, row).replaceWith(new Entry(json(row), "DB")));
        });
    }

    public Uni<SymbolMetadata> save(SymbolMetadata metadata) {
        return symbols.save(metadata).call(saved -> keep(key(saved.symbol()), saved));
    }

    /** Whether the symbol had metadata; it is gone from its table and every level. */
    public Uni<Boolean> remove(String symbol) {
        return symbols.delete(symbol).call(() -> cache.delete(key(symbol)));
    }

    private Uni<Void> keep(CacheKey key, SymbolMetadata row) {
        Instant now = Instant.now();
        return cache.put(key, new CachedValue(json(row), now, now.plus(config.symbolTtl())), LEVELS);
    }

    private String json(SymbolMetadata row) {
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CacheKey key(String symbol) {
        return new CacheKey(CacheKey.SYMBOL, null, symbol);
    }
}
