package io.finagent.cache.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.finagent.cache.domain.AssetType;
import io.finagent.cache.domain.SymbolMetadata;
import io.finagent.cache.repository.SymbolMetadataRepository;
import io.finagent.cache.service.SymbolDirectory;
import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.Symbol;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The symbols' reference data (symbols_metadata): shared by every user, written by admins, read by
 * everyone through the cache ({@link SymbolDirectory}).
 */
@Path("/api/v1/symbols")
public class SymbolResource {

    static final String ASSET_TYPES = "STOCK|ETF|INDEX|CRYPTO|FOREX|FUTURE|OPTION|BOND|OTHER";
    static final String ASSET_TYPES_RULE = "must be one of " + ASSET_TYPES;

    private final SymbolDirectory directory;
    private final SymbolMetadataRepository symbols;

    public SymbolResource(SymbolDirectory directory, SymbolMetadataRepository symbols) {
        this.directory = directory;
        this.symbols = symbols;
    }

    @GET
    @Path("{symbol}")
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@PathParam("symbol") @Symbol String symbol) {
        return directory.find(symbol.toUpperCase()).map(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("symbol", symbol.toUpperCase());
            }
            return Response.ok(entry.json(), MediaType.APPLICATION_JSON).header("X-Cache-Level", entry.level()).build();
        });
    }

    /** Symbols in order, of one exchange or asset type when named. */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    public Uni<Page<SymbolMetadata>> list(@QueryParam("exchange") @Size(min = 1, max = 32) String exchange,
                                          @QueryParam("assetType") @Pattern(regexp = ASSET_TYPES, message = ASSET_TYPES_RULE) String assetType,
                                          @Valid @BeanParam PageRequest page) {
        AssetType type = assetType == null ? null : AssetType.valueOf(assetType);
        return symbols.count(exchange, type).chain(total -> symbols.list(exchange, type, page.page * page.size, page.size)
                .map(items -> new Page<>(items, page.page, page.size, total)));
    }

    @PUT
    @Path("{symbol}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<SymbolMetadata> put(@PathParam("symbol") @Symbol String symbol,
                                   @NotNull(message = "a body is required") @Valid SymbolRequest request) {
        if (request.metadata() != null && !request.metadata().isObject()) {
            throw ProblemException.invalid("metadata", "must be a JSON object");
        }
        return directory.save(new SymbolMetadata(symbol.toUpperCase(), request.name(), request.exchange(), request.assetType(),
                request.currency(), request.sector(), request.industry(), request.marketCap(), !Boolean.FALSE.equals(request.active()),
                request.metadata() == null ? JsonNodeFactory.instance.objectNode() : request.metadata(),
                null));
    }

    @DELETE
    @Path("{symbol}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(@PathParam("symbol") @Symbol String symbol) {
        return directory.remove(symbol.toUpperCase()).map(removed -> {
            if (!removed) {
                throw ProblemException.notFound("symbol", symbol.toUpperCase());
            }
            return Response.noContent().build();
        });
    }
}
