package io.finagent.platform.performance;

import io.finagent.platform.migration.MigrationResource;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import java.util.List;

/** The service's index advice, and an index built on an admin's request: 201, or 200 when it exists (docs/index-advice.md). */
@Path("/api/v1/admin/index-advice")
@RolesAllowed(Roles.ADMIN)
@Blocking
public class IndexAdviceResource {

    /** An index on these columns of one of the service's tables, in this order. */
    public record IndexRequest(@NotNull @Size(min = 1, max = 63) String table,
                               @NotNull @Size(min = 1, max = 8) List<@NotNull @Size(min = 1, max = 63) String> columns) {
    }

    private final IndexAdvisor advisor;
    private final Indexes indexes;

    public IndexAdviceResource(IndexAdvisor advisor, Indexes indexes) {
        this.advisor = advisor;
        this.indexes = indexes;
    }

    @GET
    public IndexAdvice advice() {
        return advisor.advise();
    }

    @POST
    @Path("indexes")
    @Extension(name = MigrationResource.SCHEMA_CHANGING, value = "true", parseValue = true)
    public Response create(@Valid @NotNull IndexRequest request) {
        Indexes.Created index = indexes.create(request.table(), request.columns());
        return Response.status(index.built() ? Response.Status.CREATED : Response.Status.OK).entity(index).build();
    }
}
