package io.finagent.backup;

import io.finagent.backup.service.BackupSchedules;
import io.finagent.platform.events.EventCodec;
import io.finagent.platform.events.EventType;
import io.finagent.platform.events.StrategyChanged;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.TestKafka;
import io.finagent.platform.testing.Tokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups on their own: the seed's schedules in UTC, a FULL when a nightly delta cannot be taken, a configuration backup on strategy-changed, and the last-success metric. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BackupTestSettings.class, scope = TestResourceScope.GLOBAL)
class BackupSchedulesTest {

    private static final TestDatabase DB = new TestDatabase("finagent_backup_test");

    @Inject
    Scheduler scheduler;
    @Inject
    BackupSchedules schedules;

    @Test
    void theSeedSchedulesFireSundayMidnightNightlyAtTwoAndRetentionAtHalfPastThreeUtc() {
        ZonedDateTime full = scheduler.getScheduledJob("full-backup").getNextFireTime().atZone(ZoneOffset.UTC);
        assertEquals(DayOfWeek.SUNDAY, full.getDayOfWeek());
        assertEquals("00:00", full.toLocalTime().toString());
        assertEquals("02:00", scheduler.getScheduledJob("incremental-backup").getNextFireTime().atZone(ZoneOffset.UTC).toLocalTime().toString());
        assertEquals("03:30", scheduler.getScheduledJob("backup-retention").getNextFireTime().atZone(ZoneOffset.UTC).toLocalTime().toString());
        assertTrue(Duration.between(Instant.now(), scheduler.getScheduledJob("full-backup").getNextFireTime()).toDays() < 7);
    }

    @Test
    void theNightlyIncrementalIsAFullWhenARestoreOvertookTheLastBackup() throws Throwable {
        JsonPath full = BackupRestoreTest.backUp("FULL");
        BackupRestoreTest.restore(Map.of("backupId", full.getLong("id")));
        long id = nightly();
        JsonPath nightly = awaitDone(id);
        assertEquals("FULL", nightly.getString("type"));
        assertEquals("SCHEDULE", nightly.getString("trigger"));
        assertEquals("INCREMENTAL", awaitDone(nightly()).getString("type"));
    }

    @Test
    void aStrategyConfigurationChangeBringsAConfigurationBackup() {
        long before = DB.count("SELECT count(*) FROM backups WHERE trigger_source = 'CONFIG_CHANGE'");
        EventCodec codec = new EventCodec();
        // the listener reads from the newest message on: send until its partition assignment has caught one
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            StrategyChanged changed = new StrategyChanged(7, "quant", "Momentum 20d", "ACTIVE", 1440, 2, Instant.now());
            TestKafka.send(EventType.STRATEGY_CHANGED.topic(), "7",
                    codec.write(codec.envelope(EventType.STRATEGY_CHANGED, "/finagent/test", "7", changed, Instant.now())));
            return DB.count("SELECT count(*) FROM backups WHERE trigger_source = 'CONFIG_CHANGE' AND backup_type = 'CONFIGURATION'") > before;
        });
    }

    @Test
    void theLastSuccessfulBackupOfEachTypeIsAMetric() {
        JsonPath full = BackupRestoreTest.backUp("FULL");
        long completedAt = Instant.parse(full.getString("completedAt")).getEpochSecond();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String line = metrics.lines().filter(l -> l.startsWith("finagent_backup_last_success_seconds{") && l.contains("type=\"FULL\""))
                .findFirst().orElseThrow(() -> new AssertionError("no last-success metric for FULL in\n" + metrics));
        assertTrue(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= completedAt, line);
        assertTrue(metrics.contains("finagent_backup_last_success_seconds{type=\"AI_MEMORY\"}"), "every type has the metric, 0 before its first backup");
    }

    /** The nightly job's work, on a Vert.x context as the scheduler runs it. */
    private long nightly() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> schedules.incremental()).id;
    }

    private static JsonPath awaitDone(long id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !java.util.List.of("PENDING", "RUNNING")
                .contains(given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).get("/api/v1/backups/{id}", id).jsonPath().getString("status")));
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).get("/api/v1/backups/{id}", id).jsonPath();
    }
}
