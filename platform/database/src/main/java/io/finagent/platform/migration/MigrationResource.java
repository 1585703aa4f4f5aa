package io.finagent.platform.migration;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.flywaydb.core.Flyway;

import java.util.Optional;

/**
 * The service's schema versions, admin only (bin/migrate calls it): the current version with the
 * steps applied and pending, a migration to the latest or to a given version, a rollback of the
 * last steps.
 */
@Path("/api/v1/admin/migrations")
@RolesAllowed(Roles.ADMIN)
@Blocking
public class MigrationResource {

    /** Up to a version, or all pending steps when it is absent. */
    public record MigrateRequest(@Size(min = 1, max = 32) String version) {
    }

    /** The last {@code steps} applied; {@code confirmDataLoss} when the rollback may drop rows. */
    public record RollbackRequest(@NotNull @Positive @Max(100) Integer steps, Boolean confirmDataLoss) {
    }

    /**
     * Marks, in the OpenAPI document, the operations that change the schema: the edge fuzz suite
     * sends them an agent's token only, so that it never rolls back the service it is testing.
     */
    public static final String SCHEMA_CHANGING = "x-finagent-schema-changing";

    private final SchemaMigrations migrations;

    public MigrationResource(Flyway flyway, AgroalDataSource dataSource) {
        this.migrations = new SchemaMigrations(flyway, dataSource);
    }

    @GET
    public MigrationReport report() {
        return migrations.report();
    }

    @POST
    @Extension(name = SCHEMA_CHANGING, value = "true", parseValue = true)
    public MigrationReport migrate(@Valid MigrateRequest request) {
        return migrations.migrateTo(Optional.ofNullable(request).map(MigrateRequest::version));
    }

    @POST
    @Path("rollback")
    @Extension(name = SCHEMA_CHANGING, value = "true", parseValue = true)
    public Rollback rollback(@Valid @NotNull RollbackRequest request) {
        return migrations.rollback(request.steps(), Boolean.TRUE.equals(request.confirmDataLoss()));
    }
}
