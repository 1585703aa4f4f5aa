package io.finagent.memory.rest;

import io.finagent.memory.domain.MemoryType;
import io.finagent.memory.mapping.MemoryMapper;
import io.finagent.memory.service.MemoryService;
import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
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
        return service.create(mapper.toMemory(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    @GET
    @Path("/{id}")
    public Uni<MemoryResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    /** Ranked by relevance decayed to now, most relevant first. */
    @GET
    public Uni<Page<MemoryResponse>> list(@QueryParam("memoryType") MemoryType memoryType, @Valid @BeanParam PageRequest page) {
        return service.ranked(user.id(), memoryType, page.page, page.size).map(p -> p.map(mapper::toResponse));
    }
}
