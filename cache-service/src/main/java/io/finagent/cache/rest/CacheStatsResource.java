package io.finagent.cache.rest;

import io.finagent.cache.service.StatsReport;
import io.finagent.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The cache's figures of this replica since start (sizes: L2 counts Redis's database, L3 the unexpired rows). */
@Path("/api/v1/cache/" + CacheStatsResource.PATH_SEGMENT)
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
public class CacheStatsResource {

    static final String PATH_SEGMENT = "stats";

    private final StatsReport report;

    public CacheStatsResource(StatsReport report) {
        this.report = report;
    }

    @GET
    public Uni<StatsReport.Figures> get() {
        return report.figures();
    }
}
