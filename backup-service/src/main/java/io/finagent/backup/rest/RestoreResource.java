package io.finagent.backup.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.backup.service.CatalogueRebuild;
import io.finagent.backup.service.RestoreService;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Restores, admin only: answered when every chosen service has imported its chain. */
@Path("/api/v1/restores")
@RolesAllowed(Roles.ADMIN)
public class RestoreResource {

    private final RestoreService service;
    private final CatalogueRebuild catalogue;
    private final ObjectMapper json;
    private final CurrentUser user;

    public RestoreResource(RestoreService service, CatalogueRebuild catalogue, ObjectMapper json, CurrentUser user) {
        this.service = service;
        this.catalogue = catalogue;
        this.json = json;
        this.user = user;
    }

    @POST
    @Blocking
    public RestoreResponse restore(@NotNull(message = "a body is required: {} restores the latest backup") @Valid RestoreRequest request)
            throws IOException {
        if (request.backupId() != null && request.targetTime() != null) {
            throw ProblemException.invalid("backupId", "give at most one of backupId and targetTime (neither: the latest backup)");
        }
        CatalogueRebuild.Result rebuilt = request.rebuildsCatalogue() ? catalogue.rebuild(user.id()).await().indefinitely() : null;
        Instant target = request.backupId() == null && request.targetTime() == null ? Instant.now() : request.targetTime();
        var result = service.restore(request.backupId(), target, request.service(), user.id());
        Map<String, Object> services = new LinkedHashMap<>();
        for (var imported : result.imported().entrySet()) {
            services.put(imported.getKey(), json.readTree(imported.getValue()));
        }
        return new RestoreResponse(result.id(), result.chain(), services, rebuilt);
    }
}
