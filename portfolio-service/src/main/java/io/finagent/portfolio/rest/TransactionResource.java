package io.finagent.portfolio.rest;

import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.rest.Responses;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.portfolio.mapping.TransactionMapper;
import io.finagent.portfolio.service.TransactionService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;

/** A portfolio's ledger: 422 when the portfolio does not allow the transaction (oversell, overspend), and then nothing changes. */
@Path("/api/v1/portfolios/{portfolioId}/transactions")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class TransactionResource {

    private final TransactionService service;
    private final TransactionMapper mapper;
    private final CurrentUser user;

    public TransactionResource(TransactionService service, TransactionMapper mapper, CurrentUser user) {
        this.service = service;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> record(@PathParam("portfolioId") long portfolioId,
                                @NotNull(message = "a transaction body is required") @Valid TransactionRequest request,
                                @HeaderParam("Idempotency-Key") @Size(max = 100) String idempotencyKey,
                                @Context UriInfo uri) {
        return service.record(portfolioId, mapper.toTransaction(user.id(), request, idempotencyKey, Instant.now()))
                .map(created -> Responses.created(uri, created.value().id, created.replayed(), mapper.toResponse(created.value())));
    }

    /** Newest first. */
    @GET
    public Uni<Page<TransactionResponse>> list(@PathParam("portfolioId") long portfolioId, @Valid @BeanParam PageRequest page) {
        return service.list(user.id(), portfolioId, page.page, page.size).map(p -> p.map(mapper::toResponse));
    }
}
