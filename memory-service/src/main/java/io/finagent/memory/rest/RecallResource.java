package io.finagent.memory.rest;

import io.finagent.memory.mapping.DecisionMapper;
import io.finagent.memory.service.RecallService;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.time.Instant;

@Path("/api/v1/recall")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class RecallResource {

    private static final int DEFAULT_K = 10;

    private final RecallService service;
    private final DecisionMapper mapper;
    private final CurrentUser user;

    public RecallResource(RecallService service, DecisionMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<RecallResponse> recall(@NotNull(message = "a recall body is required") @Valid RecallRequest request) {
        Instant asOf = AsOf.of(request.asOf());
        int k = request.k() != null ? request.k() : DEFAULT_K;
        String symbol = request.symbol() == null ? null : request.symbol().toUpperCase();
        return service.recall(user.id(), request.marketContext().features(), symbol, request.strategyId(), k, asOf,
                        Boolean.TRUE.equals(request.exact()))
                .map(recall -> new RecallResponse(asOf, k, recall.search(), recall.decisions().stream()
                        .map(r -> new RecallResponse.Neighbour(mapper.toResponse(r.decision(), r.outcome()), r.similarity(), r.score()))
                        .toList(), recall.statistics()));
    }
}
