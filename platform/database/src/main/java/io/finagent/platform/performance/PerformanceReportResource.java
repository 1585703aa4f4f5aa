package io.finagent.platform.performance;

import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The service's performance report, admin only (docs/performance-report.md). */
@Path("/api/v1/admin/performance-report")
@RolesAllowed(Roles.ADMIN)
@Blocking
public class PerformanceReportResource {

    private final PerformanceReports reports;

    public PerformanceReportResource(PerformanceReports reports) {
        this.reports = reports;
    }

    @GET
    public PerformanceReport report() {
        return reports.report();
    }
}
