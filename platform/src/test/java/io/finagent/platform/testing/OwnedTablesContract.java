package io.finagent.platform.testing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service proves with this test that Flyway, run at start by the service itself, created
 * each table it owns in its own database (created if missing).
 */
public abstract class OwnedTablesContract {

    protected abstract String database();

    protected abstract Set<String> ownedTables();

    @Test
    void flywayCreatedEveryOwnedTable() {
        Set<String> present = new TestDatabase(database()).tables();
        Set<String> missing = new HashSet<>(ownedTables());
        missing.add("flyway_schema_history");
        missing.removeAll(present);
        assertTrue(missing.isEmpty(), "missing in " + database() + ": " + missing + " (present: " + present + ")");
    }
}
