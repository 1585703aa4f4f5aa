package io.finagent.portfolio.rest;

import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.portfolio.service.PriceService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prices mark the caller's positions to market; an admin's (a market-data feed) mark every user's. */
@Path("/api/v1/prices")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class PriceResource {

    private final PriceService service;
    private final CurrentUser user;

    public PriceResource(PriceService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    public Uni<PriceBatchResponse> mark(@NotNull(message = "a price batch is required") @Valid PriceBatchRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant at = request.at() == null ? now : request.at().truncatedTo(ChronoUnit.MICROS);
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (int i = 0; i < request.prices().size(); i++) {
            PriceBatchRequest.Price price = request.prices().get(i);
            if (prices.put(price.symbol().toUpperCase(), price.price()) != null) {
                throw ProblemException.invalid("prices[" + i + "].symbol", "appears twice in the batch");
            }
        }
        return service.mark(user.isAdmin() ? null : user.id(), at, prices, now)
                .map(marked -> new PriceBatchResponse(at, prices.size(), marked.positions(), marked.portfolios()));
    }
}
