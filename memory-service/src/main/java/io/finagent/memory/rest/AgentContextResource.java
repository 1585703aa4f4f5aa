package io.finagent.memory.rest;

import io.finagent.memory.mapping.AgentContextMapper;
import io.finagent.memory.service.AgentContextArchive;
import io.finagent.memory.service.AgentContextService;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.finagent.platform.validation.Finite;
import io.finagent.platform.validation.ReadableInstant;
import io.finagent.platform.validation.Symbol;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/context?feature=rsi_14:70&feature=ret_5d:0.02&symbol&strategyId&sessionId&k&lookbackMinutes&budget&asOf}:
 * the context for the agent's next prompt, within {@code budget} characters of JSON, kept for a
 * decision to cite ({@code contextId}).
 */
@Path("/api/v1/context")
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class AgentContextResource {

    private static final String FEATURE_RULE =
            "must be name:number with a name of 1 to 64 characters and a finite number of at most 1e12 in magnitude, e.g. rsi_14:70";

    private final AgentContextService service;
    private final AgentContextArchive archive;
    private final AgentContextMapper mapper;
    private final CurrentUser user;

    public AgentContextResource(AgentContextService service, AgentContextArchive archive, AgentContextMapper mapper, CurrentUser user) {
        this.service = service;
        this.archive = archive;
        this.mapper = mapper;
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The context, as kept for a decision to cite",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentContextResponse.class)))
    public Uni<String> context(
            @QueryParam("feature") @Size(max = 256, message = "must be at most 256 features") List<String> feature,
            @QueryParam("symbol") @Symbol String symbol,
            @QueryParam("strategyId") @Positive Long strategyId,
            @QueryParam("sessionId") @Pattern(regexp = SessionResource.SESSION_ID, message = SessionResource.SESSION_ID_RULE) String sessionId,
            @QueryParam("k") @DefaultValue("5") @Min(value = 1, message = "must be at least 1") @Max(value = 50, message = "must be at most 50") int k,
            @QueryParam("lookbackMinutes") @DefaultValue("60") @Min(value = 1, message = "must be at least 1")
            @Max(value = 10080, message = "must be at most 10080 (a week)") int lookbackMinutes,
            @QueryParam("budget") @DefaultValue("8000") @Min(value = 500, message = "must be at least 500 characters")
            @Max(value = 200000, message = "must be at most 200000 characters") int budget,
            @QueryParam("asOf") @ReadableInstant Instant asOf) {
        Instant at = AsOf.of(asOf);
        var ask = new AgentContextService.Ask(user.id(), features(feature), symbol == null ? null : symbol.toUpperCase(),
                strategyId, sessionId, k, Instant.now().minus(Duration.ofMinutes(lookbackMinutes)), at);
        UUID id = UUID.randomUUID();
        // written once: what is kept is what is answered, but for the digest
        return service.gather(ask).map(gathered -> mapper.toJson(mapper.toResponse(gathered, id, at, budget)))
                .chain(kept -> archive.keep(user.id(), id, at, kept).map(digest -> AgentContextResponse.answered(kept, digest)));
    }

    private static Map<String, Double> features(List<String> pairs) {
        Map<String, Double> features = new HashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int colon = pair.lastIndexOf(':');
            String name = colon < 0 ? "" : pair.substring(0, colon);
            if (name.isEmpty() || name.length() > 64) {
                throw ProblemException.invalid("feature", FEATURE_RULE);
            }
            try {
                double value = Double.parseDouble(pair.substring(colon + 1));
                if (!(Math.abs(value) <= Finite.MAX)) { // false for NaN too
                    throw ProblemException.invalid("feature", FEATURE_RULE);
                }
                features.put(name, value);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("feature", FEATURE_RULE);
            }
        }
        return features;
    }
}
