package io.finagent.backup.rest;

import io.finagent.backup.domain.ArchiveRun;
import io.finagent.backup.service.ArchiveRecords;
import io.finagent.backup.service.DataArchiver;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.List;

/** The archiver, admin only: run it now, list what it moved, read archived rows back as CSV. */
@Path("/api/v1/archive")
@RolesAllowed(Roles.ADMIN)
public class ArchiverResource {

    private final DataArchiver archiver;
    private final ArchiveRecords records;
    private final CurrentUser user;

    public ArchiverResource(DataArchiver archiver, ArchiveRecords records, CurrentUser user) {
        this.archiver = archiver;
        this.records = records;
        this.user = user;
    }

    @POST
    @Path("/run")
    public Uni<List<ArchiveRun>> run() {
        return archiver.run(user.id());
    }

    /** Newest first; {@code ?table=decision_history} keeps one table. */
    @GET
    @Path("/runs")
    public Uni<List<ArchiveRun>> runs(@QueryParam("table") String table, @Valid @BeanParam PageRequest page) {
        return records.page(table, page.page, page.size);
    }

    @GET
    @Path("/runs/{id}/rows")
    @Produces("text/csv")
    @Blocking
    public Response rows(@PathParam("id") long id) {
        ArchiveRun run = archiver.sealedRun(id);
        StreamingOutput csv = out -> archiver.rows(run, out);
        return Response.ok(csv).build();
    }
}
