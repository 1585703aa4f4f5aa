package io.finagent.cache.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.cache.domain.AssetType;
import io.finagent.cache.domain.SymbolMetadata;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** symbols_metadata, one row per symbol. */
@ApplicationScoped
public class SymbolMetadataRepository {

    private static final String COLUMNS = "symbol, name, exchange, asset_type, currency, sector, industry, market_cap::text AS market_cap,"
            + " active, metadata::text AS metadata, updated_at";
    // the JSON goes as text and is cast: a String bound to a jsonb parameter would be stored as a JSON string
    private static final String UPSERT = """
            INSERT INTO symbols_metadata (symbol, name, exchange, asset_type, currency, sector, industry, market_cap, active, metadata, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::numeric, $9, $10::text::jsonb, now())
            ON CONFLICT ON CONSTRAINT uq_symbols_metadata_symbol
            DO UPDATE SET name = EXCLUDED.name, exchange = EXCLUDED.exchange, asset_type = EXCLUDED.asset_type,
                          currency = EXCLUDED.currency, sector = EXCLUDED.sector, industry = EXCLUDED.industry,
                          market_cap = EXCLUDED.market_cap, active = EXCLUDED.active, metadata = EXCLUDED.metadata, updated_at = now()
            RETURNING\s""" + COLUMNS;

    /** The list's filter, for its page and its count alike: one exchange ($1) and asset type ($2) when named. */
    private static final String FILTER = " FROM symbols_metadata WHERE ($1::text IS NULL OR exchange = $1) AND ($2::text IS NULL OR asset_type = $2)";

    private final Pool pool;
    private final ObjectMapper mapper;

    public SymbolMetadataRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<SymbolMetadata> save(SymbolMetadata s) {
        // a list that holds nulls: the columns the request left out
        Tuple values = Tuple.tuple(Arrays.asList(s.symbol(), s.name(), s.exchange(), s.assetType() == null ? null : s.assetType().name(),
                s.currency(), s.sector(), s.industry(), s.marketCap(), s.active(), s.metadata().toString()));
        return pool.preparedQuery(UPSERT).execute(values).map(rows -> read(rows.iterator().next()));
    }

    public Uni<SymbolMetadata> find(String symbol) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM symbols_metadata WHERE symbol = $1").execute(Tuple.of(symbol))
                .map(rows -> rows.iterator().hasNext() ? read(rows.iterator().next()) : null);
    }

    /** A page of the symbols, by symbol, of one exchange and asset type when named; and how many there are. */
    public Uni<List<SymbolMetadata>> list(String exchange, AssetType type, int offset, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + FILTER + " ORDER BY symbol OFFSET $3 LIMIT $4")
                .execute(Tuple.of(exchange, type == null ? null : type.name(), offset, limit))
                .map(rows -> {
                    List<SymbolMetadata> found = new ArrayList<>();
                    rows.forEach(row -> found.add(read(row)));
                    return found;
                });
    }

    public Uni<Long> count(String exchange, AssetType type) {
        return pool.preparedQuery("SELECT count(*)" + FILTER)
                .execute(Tuple.of(exchange, type == null ? null : type.name())).map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Boolean> delete(String symbol) {
        return pool.preparedQuery("DELETE FROM symbols_metadata WHERE symbol = $1").execute(Tuple.of(symbol)).map(rows -> rows.rowCount() > 0);
    }

    private SymbolMetadata read(Row row) {
        String cap = row.getString("market_cap");
        String type = row.getString("asset_type");
        return new SymbolMetadata(row.getString("symbol"), row.getString("name"), row.getString("exchange"),
                type == null ? null : AssetType.valueOf(type), row.getString("currency"), row.getString("sector"), row.getString("industry"),
                cap == null ? null : new BigDecimal(cap), row.getBoolean("active"), json(row.getString("metadata")),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
