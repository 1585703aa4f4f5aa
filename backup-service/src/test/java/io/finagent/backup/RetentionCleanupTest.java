package io.finagent.backup;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated year of real backups, one a day (a FULL on Sundays, an INCREMENTAL on the other
 * days), each dated to its day: retention keeps exactly the grandfather-father-son set and the
 * chains it needs, removes the other archives, and every kept backup still restores its day.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BackupTestSettings.class, scope = TestResourceScope.GLOBAL)
class RetentionCleanupTest {

    private static final TestDatabase DB = new TestDatabase("finagent_backup_test");
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 5); // a Sunday: the year starts with a full

    @Test
    void aYearOfDailyBackupsKeepsTheGfsSetWithItsChainsAndEachKeptOneRestores() {
        DB.execute("TRUNCATE backups, restores CASCADE");
        DB.execute("TRUNCATE sample_trades");
        Map<LocalDate, Long> backupOf = new HashMap<>();
        Map<Long, String> stateOf = new HashMap<>();
        for (LocalDate day = FIRST; !day.isAfter(LocalDate.of(2025, 12, 31)); day = day.plusDays(1)) {
            DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('D" + day.getDayOfYear() + "', " + day.getDayOfMonth() + ")");
            if (day.getDayOfMonth() == 15) {
                DB.execute("DELETE FROM sample_trades WHERE symbol = 'D" + (day.getDayOfYear() - 10) + "'");
            }
            JsonPath backup = BackupRestoreTest.backUp(day.getDayOfWeek() == DayOfWeek.SUNDAY ? "FULL" : "INCREMENTAL");
            long id = backup.getLong("id");
            DB.execute("UPDATE backups SET snapshot_at = '" + day.atTime(2, 0).toInstant(ZoneOffset.UTC) + "' WHERE id = " + id);
            backupOf.put(day, id);
            stateOf.put(id, BackupRestoreTest.state());
        }

        JsonPath result = given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).post("/api/v1/backups/cleanup")
                .then().statusCode(200).extract().jsonPath();

        Set<Long> expected = new TreeSet<>();
        for (LocalDate chosen : gfsDays()) {
            for (LocalDate day = chosen.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)); !day.isAfter(chosen); day = day.plusDays(1)) {
                expected.add(backupOf.get(day)); // the chain back to its full
            }
        }
        assertEquals(expected, new TreeSet<>(result.getList("kept", Long.class)));
        assertEquals(backupOf.size() - expected.size(), result.getList("deleted").size());
        for (String row : DB.strings("SELECT id || ' ' || status || ' ' || archive_path FROM backups")) {
            String[] fields = row.split(" ", 3);
            long id = Long.parseLong(fields[0]);
            assertEquals(expected.contains(id) ? "COMPLETED" : "DELETED", fields[1], "backup " + id);
            assertEquals(expected.contains(id), Files.exists(Path.of(fields[2])), "archive of backup " + id);
        }
        for (long id : expected) {
            BackupRestoreTest.restore(Map.of("backupId", id));
            assertEquals(stateOf.get(id), BackupRestoreTest.state(), "backup " + id + " restores its day");
        }
        assertFalse(DB.strings("SELECT count(*) FROM row_changes").isEmpty());
        assertTrue(DB.count("SELECT count(*) FROM row_changes WHERE changed_at < (SELECT started_at FROM backups WHERE id = ?)",
                backupOf.get(LocalDate.of(2025, 12, 28))) == 0, "the change log is pruned up to the newest full");
    }

    /** The last 7 days, the newest backup of the last 4 weeks (from Monday) and of the last 12 months. */
    private static List<LocalDate> gfsDays() {
        List<LocalDate> days = new java.util.ArrayList<>();
        for (int d = 25; d <= 31; d++) {
            days.add(LocalDate.of(2025, 12, d));
        }
        days.addAll(List.of(LocalDate.of(2025, 12, 28), LocalDate.of(2025, 12, 21), LocalDate.of(2025, 12, 14)));
        for (int month = 1; month <= 12; month++) {
            days.add(LocalDate.of(2025, month, 1).with(TemporalAdjusters.lastDayOfMonth()));
        }
        return days;
    }
}
