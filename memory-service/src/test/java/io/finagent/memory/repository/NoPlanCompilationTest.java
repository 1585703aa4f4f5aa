package io.finagent.memory.repository;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.testing.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every connection of the service runs without PostgreSQL's JIT (the platform's default): the
 * recall index's feed, a generic plan over a million decisions, spent 0.5-1.4 s a poll compiling
 * its plan on two busy cores, and every replica saw the others' decisions that much later.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class NoPlanCompilationTest {

    @Inject
    Pool pool;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void neitherPoolCompilesPlans() throws Exception {
        assertEquals("off", pool.query("SHOW jit").execute().await().indefinitely().iterator().next().getString(0), "the reactive pool");
        try (Connection c = dataSource.getConnection(); Statement show = c.createStatement(); ResultSet rs = show.executeQuery("SHOW jit")) {
            rs.next();
            assertEquals("off", rs.getString(1), "the JDBC pool");
        }
    }
}
