package io.finagent.backup.rest;

import io.finagent.backup.domain.BackupType;
import io.finagent.backup.mapping.BackupMapper;
import io.finagent.backup.service.ArchiveCheck;
import io.finagent.backup.service.BackupCleanup;
import io.finagent.backup.service.BackupRuns;
import io.finagent.backup.service.BackupService;
import io.finagent.backup.service.CatalogueRebuild;
import io.finagent.backup.service.VerifyService;
import io.finagent.platform.paging.Page;
import io.finagent.platform.paging.PageRequest;
import io.finagent.platform.security.CurrentUser;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Backups, admin only: POST starts one (202, it runs in the background), GET follows it, /verify reads its archive back. */
@Path("/api/v1/backups")
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

    private final BackupService service;
    private final BackupRuns runs;
    private final VerifyService verify;
    private final BackupMapper mapper;
    private final CurrentUser user;
    private final BackupCleanup cleanup;
    private final CatalogueRebuild catalogue;

    public BackupResource(BackupService service, BackupRuns runs, VerifyService verify, BackupMapper mapper, CurrentUser user,
                          BackupCleanup cleanup, CatalogueRebuild catalogue) {
        this.cleanup = cleanup;
        this.catalogue = catalogue;
        this.service = service;
        this.runs = runs;
        this.verify = verify;
        this.mapper = mapper;
        this.user = user;
    }

    @POST
    public Uni<Response> start(@NotNull(message = "a body {\"type\": ...} is required") @Valid BackupRequest request, @Context UriInfo uri) {
        return runs.start(BackupType.valueOf(request.type()), user.id(), "MANUAL")
                .map(backup -> Response.accepted(mapper.toResponse(backup))
                        .location(uri.getAbsolutePathBuilder().path(String.valueOf(backup.id)).build()).build());
    }

    /**
     * Rebuilds a lost catalogue from the archive directory and the key file: every archive is read,
     * and the backups the catalogue lacks are entered (what was entered, already there, left out and why).
     */
    @POST
    @Path("/catalogue")
    public Uni<CatalogueRebuild.Result> rebuildCatalogue() {
        return catalogue.rebuild(user.id());
    }

    /** Applies retention now, as the nightly schedule does: what was kept, what was deleted. */
    @POST
    @Path("/cleanup")
    public Uni<BackupCleanup.Result> cleanup() {
        return cleanup.apply();
    }

    /** Newest first; {@code ?type=FULL} keeps one type. */
    @GET
    public Uni<Page<BackupResponse>> list(@QueryParam("type") @Pattern(regexp = BackupRequest.TYPES, message = "must be one of "
            + BackupRequest.TYPES) String type, @Valid @BeanParam PageRequest page) {
        return service.list(type == null ? null : BackupType.valueOf(type), page.page, page.size).map(p -> p.map(mapper::toResponse));
    }

    @GET
    @Path("/{id}")
    public Uni<BackupResponse> get(@PathParam("id") long id) {
        return service.get(id).map(mapper::toResponse);
    }

    @POST
    @Path("/{id}/verify")
    @Blocking
    public ArchiveCheck verify(@PathParam("id") long id) {
        return verify.verify(id);
    }
}
