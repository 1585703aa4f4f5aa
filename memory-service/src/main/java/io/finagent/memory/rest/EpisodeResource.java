package io.finagent.memory.rest;

import io.finagent.memory.mapping.EpisodeMapper;
import io.finagent.memory.service.EpisodeService;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;

@Path("/api/v1/episodes")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class EpisodeResource {

    private static final int DEFAULT_K = 10;

    private final EpisodeService service;
    private final EpisodeMapper mapper;
    private final CurrentUser user;

    public EpisodeResource(EpisodeService service, EpisodeMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> create(@NotNull(message = "an episode body is required") @Valid EpisodeRequest request,
                                @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                                @Context UriInfo uri) {
        if (request.endedAt() != null && request.endedAt().isBefore(request.startedAt())) {
            throw ProblemException.invalid("endedAt", "must not be before startedAt");
        }
        return service.create(mapper.toEpisode(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    @GET
    @Path("/{id}")
    public Uni<EpisodeResponse> get(@PathParam("id") long id) {
        return service.find(user.id(), id).map(mapper::toResponse);
    }

    /** Finished episodes (ended by asOf) most like the given features, with statistics over their results. */
    @POST
    @Path("/similar")
    public Uni<SimilarEpisodesResponse> similar(@NotNull(message = "a body is required") @Valid SimilarEpisodesRequest request) {
        Instant asOf = AsOf.of(request.asOf());
        int k = request.k() != null ? request.k() : DEFAULT_K;
        String symbol = request.symbol() == null ? null : request.symbol().toUpperCase();
        return service.similar(user.id(), request.features(), symbol, k, asOf)
                .map(found -> new SimilarEpisodesResponse(asOf, k, found.episodes().stream()
                        .map(s -> new SimilarEpisodesResponse.Match(mapper.toResponse(s.episode()), s.similarity())).toList(),
                        found.statistics()));
    }
}
