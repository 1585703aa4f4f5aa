package io.finagent.platform.partitions;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v1/admin/partitions}: each monthly partitioned table of the service, with its partitions (admin only). */
@Path("/api/v1/admin/partitions")
public class PartitionsResource {

    public record PartitionView(String name, Instant from, Instant to, boolean isDefault, long estimatedRows) {
    }

    public record TableView(String table, String column, List<PartitionView> partitions) {
    }

    private final AgroalDataSource dataSource;

    public PartitionsResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public List<TableView> tables() throws SQLException {
        List<TableView> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Partitions.PartitionedTable table : Partitions.tables(c)) {
                tables.add(new TableView(table.table(), table.column(), Partitions.of(c, table.table()).stream()
                        .map(p -> new PartitionView(p.name(), p.from(), p.to(), p.name().equals(table.table() + "_default"), p.estimatedRows())).toList()));
            }
        }
        return tables;
    }
}
