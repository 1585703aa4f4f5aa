package io.finagent.memory.rest;

import io.finagent.memory.domain.MemoryType;
import io.finagent.memory.mapping.MemoryMapper;
import io.finagent.memory.service.MemoryService;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.ReadableInstant;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.util.Map;

@Path("/api/v1/memories")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class MemoryResource {

    private final MemoryService service;
    private final MemoryMapper mapper;
    private final CurrentUser user;

    public MemoryResource(MemoryService service, MemoryMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> create(@NotNull(message = "a memory body is required") @Valid MemoryRequest request,
                                @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                                @Context UriInfo uri) {
        return store(request, idempotencyKey).map(created -> Responses.created(uri, created.value().id(), created.replayed(), created.value()));
    }

    /** The lesson, stored once per Idempotency-Key: REST's create and the MCP tool store_lesson. */
    public Uni<Created<MemoryResponse>> store(MemoryRequest request, String idempotencyKey) {
        return service.create(mapper.toMemory(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> new Created<>(mapper.toResponse(created.value()), created.replayed()));
    }

    @GET
    @Path("/{id}")
    public Uni<MemoryResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    /** As of {@code asOf} (default now): the memories learned by then, ranked by relevance decayed to then. */
    @GET
    public Uni<Page<MemoryResponse>> list(@QueryParam("memoryType") MemoryType memoryType,
                                          @QueryParam("asOf") @ReadableInstant Instant asOf, @Valid @BeanParam PageRequest page) {
        Instant at = AsOf.of(asOf);
        return service.ranked(user.id(), at, memoryType, page.page, page.size).map(p -> p.map(m -> mapper.toResponse(m, at)));
    }

    /** The lessons most like this market, as of {@code asOf}. */
    @POST
    @Path("/relevant")
    public Uni<RelevantLessonsResponse> relevant(@NotNull(message = "a body is required") @Valid RelevantLessonsRequest request) {
        Instant at = AsOf.of(request.asOf());
        return service.relevant(user.id(), request.marketContext() == null ? Map.of() : request.marketContext().features(),
                        request.symbol() == null ? null : request.symbol().toUpperCase(), request.strategyId(),
                        request.memoryTypes() == null ? MemoryService.LESSONS : request.memoryTypes(),
                        request.k() == null ? 10 : request.k(), at)
                .map(found -> new RelevantLessonsResponse(at, found.stream().map(l -> mapper.toMatch(l, at)).toList()));
    }
}
