package io.finagent.backup;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full, incremental and differential backups of a service's table over its real export, and
 * restores of each chain, by backup and by point in time, with deletions; a damaged or wrongly
 * keyed archive is refused with nothing changed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BackupTestSettings.class, scope = TestResourceScope.GLOBAL)
class BackupRestoreTest {

    private static final TestDatabase DB = new TestDatabase("finagent_backup_test");

    @Test
    void eachChainRestoresExactlyTheStateOfItsPointDeletionsIncluded() throws IOException {
        DB.execute("TRUNCATE sample_trades");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('AAPL', 10), ('MSFT', 5.5), ('NVDA', 2), ('TSLA', 1)");
        JsonPath full = backUp("FULL");
        String atFull = state();

        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('AMZN', 3)");
        DB.execute("UPDATE sample_trades SET quantity = 11.25 WHERE symbol = 'AAPL'");
        DB.execute("DELETE FROM sample_trades WHERE symbol = 'MSFT'");
        JsonPath incremental = backUp("INCREMENTAL");
        assertEquals(full.getLong("id"), incremental.getLong("parentId"));
        String atIncremental = state();

        DB.execute("DELETE FROM sample_trades WHERE symbol = 'NVDA'");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('META', 7)");
        JsonPath differential = backUp("DIFFERENTIAL");
        assertEquals(full.getLong("id"), differential.getLong("parentId"), "a differential is a delta of the last full");
        String atDifferential = state();
        assertTrue(differential.getLong("sizeBytes") > 0 && differential.getString("checksumSha256").length() == 64);

        DB.execute("UPDATE sample_trades SET quantity = 0.5 WHERE symbol = 'TSLA'");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('NFLX', 9)"); // after every backup

        restore(Map.of("backupId", incremental.getLong("id"))).body("chain", equalTo(List.of(full.getInt("id"), incremental.getInt("id"))));
        assertEquals(atIncremental, state());
        restore(Map.of("backupId", full.getLong("id")));
        assertEquals(atFull, state());
        DB.execute("TRUNCATE sample_trades"); // a wiped table comes back all the same
        restore(Map.of("targetTime", differential.getString("snapshotAt")))
                .body("chain", equalTo(List.of(full.getInt("id"), differential.getInt("id"))));
        assertEquals(atDifferential, state());
        restore(Map.of("targetTime", incremental.getString("completedAt"), "service", "sample-service"))
                .body("chain", equalTo(List.of(full.getInt("id"), incremental.getInt("id"))));
        assertEquals(atIncremental, state(), "a point between two backups restores the earlier one's chain");
        long newId = DB.count("INSERT INTO sample_trades (symbol, quantity) VALUES ('ORCL', 1) RETURNING id");
        assertTrue(newId > DB.count("SELECT max(id) FROM sample_trades WHERE symbol <> 'ORCL'"), "ids continue after the restored ones");
    }

    @Test
    void aDeltaAfterARestoreIsRefusedUntilTheNextFullBecauseRestoresAreInvisibleToChangeCapture() {
        JsonPath full = backUp("FULL");
        long restoreId = restore(Map.of("backupId", full.getLong("id"))).extract().jsonPath().getLong("id");
        assertEquals(1, DB.count("SELECT count(*) FROM restores WHERE id = ? AND status = 'COMPLETED' AND backup_id = ?", restoreId, full.getLong("id")));
        asAdmin().contentType("application/json").body(Map.of("type", "INCREMENTAL")).post("/api/v1/backups").then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("the next backup must be a FULL"));
        backUp("FULL");
        assertEquals("COMPLETED", backUp("INCREMENTAL").getString("status"));
    }

    @Test
    void aRestoreFarLargerThanTheRequestLimitStreamsThroughWhileOtherBigBodiesAreRefused() {
        DB.execute("TRUNCATE sample_trades");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) SELECT 'BULK' || i, i FROM generate_series(1, 300000) AS i");
        JsonPath full = backUp("FULL");
        assertTrue(full.getLong("uncompressedBytes") > 12 * 1024 * 1024, "more than the 10 MiB every other request may send");
        String before = state();
        DB.execute("DELETE FROM sample_trades WHERE id % 3 = 0");
        restore(Map.of("backupId", full.getLong("id")));
        assertEquals(before, state());
        DB.execute("TRUNCATE sample_trades");

        asAdmin().contentType("application/json").body(new byte[11 * 1024 * 1024]).post("/api/v1/backups").then().statusCode(413)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    @Test
    void aFlippedByteFailsVerifyAndTheRestoreRefusesWithNothingChanged() throws IOException {
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('IBM', 4)");
        JsonPath backup = backUp("FULL");
        asAdmin().post("/api/v1/backups/{id}/verify", backup.getLong("id")).then().statusCode(200).body("passed", equalTo(true));

        Path archive = BackupTestSettings.directory.resolve("archives").resolve(backup.getString("archive"));
        flipByte(archive, Files.size(archive) / 2);
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('SAP', 8)");
        String before = state();
        asAdmin().post("/api/v1/backups/{id}/verify", backup.getLong("id")).then().statusCode(200)
                .body("passed", equalTo(false)).body("reason", equalTo("CORRUPT"));
        restoreRequest(Map.of("backupId", backup.getLong("id"))).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("backupId")).body("detail", startsWith("backupId: backup " + backup.getLong("id")));
        assertEquals(before, state());
        asAdmin().get("/api/v1/backups/{id}", backup.getLong("id")).then().body("lastVerifyStatus", equalTo("FAILED"));
        assertEquals(1, DB.count("SELECT count(*) FROM restores WHERE backup_id = ? AND status = 'REFUSED'", backup.getLong("id")));
    }

    @Test
    void aDamagedDeltaRefusesTheRestoreAfterItsFullWasSentWithNothingChanged() throws IOException {
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('ORCL', 3)");
        backUp("FULL");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('INTC', 5)");
        JsonPath delta = backUp("INCREMENTAL");
        Path archive = BackupTestSettings.directory.resolve("archives").resolve(delta.getString("archive"));
        flipByte(archive, Files.size(archive) / 2);
        DB.execute("DELETE FROM sample_trades WHERE symbol = 'ORCL'");
        String before = state();
        // the full is read, and sent to the import, before the delta's damage is found
        restoreRequest(Map.of("backupId", delta.getLong("id"))).then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("backupId: backup " + delta.getLong("id")));
        assertEquals(before, state());
    }

    @Test
    void aWrongKeyFailsCleanlyNamingItAndTheRightKeyReadsAgain() throws IOException {
        JsonPath backup = backUp("FULL");
        byte[] key = Files.readAllBytes(BackupTestSettings.keyFile());
        try {
            Files.writeString(BackupTestSettings.keyFile(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
            asAdmin().post("/api/v1/backups/{id}/verify", backup.getLong("id")).then().statusCode(200)
                    .body("passed", equalTo(false)).body("reason", equalTo("WRONG_KEY"));
            String before = state();
            restoreRequest(Map.of("backupId", backup.getLong("id"))).then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("WRONG_KEY"));
            assertEquals(before, state());
        } finally {
            Files.write(BackupTestSettings.keyFile(), key);
        }
        asAdmin().post("/api/v1/backups/{id}/verify", backup.getLong("id")).then().statusCode(200).body("passed", equalTo(true));
    }

    @Test
    void aLostCatalogueIsRebuiltFromTheArchivesAndTheKeyAloneAndItsChainRestores() {
        DB.execute("TRUNCATE sample_trades");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('AAPL', 10), ('MSFT', 5.5)");
        JsonPath full = backUp("FULL");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('AMZN', 3)");
        DB.execute("DELETE FROM sample_trades WHERE symbol = 'MSFT'");
        JsonPath incremental = backUp("INCREMENTAL");
        String atIncremental = state();

        // the catalogue is lost: every backup's row, deltas before what they are deltas of
        DB.execute("DELETE FROM restores");
        DB.execute("UPDATE backup_schedules SET last_backup_id = NULL");
        while (DB.count("SELECT count(*) FROM backups") > 0) {
            DB.execute("DELETE FROM backups b WHERE NOT EXISTS (SELECT 1 FROM backups d WHERE d.parent_backup_id = b.id)");
        }
        DB.execute("TRUNCATE sample_trades");

        JsonPath rebuilt = asAdmin().post("/api/v1/backups/catalogue").then().statusCode(200).extract().jsonPath();
        assertTrue(rebuilt.getList("added", Long.class).containsAll(List.of(full.getLong("id"), incremental.getLong("id"))),
                () -> rebuilt.prettify());
        asAdmin().get("/api/v1/backups/{id}", incremental.getLong("id")).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("type", equalTo("INCREMENTAL"))
                .body("parentId", equalTo(full.getInt("id"))).body("snapshotAt", equalTo(incremental.getString("snapshotAt")))
                .body("checksumSha256", equalTo(incremental.getString("checksumSha256")));
        restore(Map.of("backupId", incremental.getLong("id"))).body("chain", equalTo(List.of(full.getInt("id"), incremental.getInt("id"))));
        assertEquals(atIncremental, state());
        assertTrue(backUp("FULL").getLong("id") > incremental.getLong("id"), "new backups' ids continue after the rebuilt ones");
        asAdmin().post("/api/v1/backups/catalogue").then().statusCode(200)
                .body("added", equalTo(List.of())).body("alreadyCatalogued", hasItem(incremental.getInt("id")));
    }

    /**
     * The disaster case in one call: the catalogue gone, {@code {"fromArchives": true}} enters
     * every archive of the directory and restores the latest chain. Every full backup holds the
     * catalogue as it was (the restores done, the schedules…), an incremental does not.
     */
    @Test
    void theLatestStateComesBackFromTheArchiveDirectoryInOneCallAndEveryFullHoldsTheCatalogue() {
        DB.execute("TRUNCATE sample_trades");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('NFLX', 2), ('ORCL', 7.25)");
        JsonPath full = backUp("FULL");
        DB.execute("UPDATE sample_trades SET quantity = 8 WHERE symbol = 'ORCL'");
        JsonPath incremental = backUp("INCREMENTAL");
        String atIncremental = state();
        List<String> catalogue = List.of("backups", "restores", "backup_schedules", "retention_policies", "archive_runs").stream()
                .map(table -> "backup-service/catalogue/" + table + ".csv").toList();
        assertTrue(full.getList("entries.name", String.class).containsAll(catalogue), () -> full.prettify());
        assertTrue(incremental.getList("entries.name", String.class).stream().noneMatch(catalogue::contains), () -> incremental.prettify());

        DB.execute("DELETE FROM restores");
        DB.execute("UPDATE backup_schedules SET last_backup_id = NULL");
        while (DB.count("SELECT count(*) FROM backups") > 0) {
            DB.execute("DELETE FROM backups b WHERE NOT EXISTS (SELECT 1 FROM backups d WHERE d.parent_backup_id = b.id)");
        }
        DB.execute("TRUNCATE sample_trades");

        JsonPath restored = restore(Map.of("fromArchives", true)).extract().jsonPath();
        assertEquals(List.of(full.getLong("id"), incremental.getLong("id")), restored.getList("chain", Long.class));
        assertTrue(restored.getList("catalogue.added", Long.class).containsAll(List.of(full.getLong("id"), incremental.getLong("id"))));
        assertEquals(atIncremental, state());
    }

    @Test
    void onlyAdminsBackUpOrRestoreAndBadInputIsA4xxNamingTheField() {
        given().contentType("application/json").body(Map.of("type", "FULL")).post("/api/v1/backups").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.agent("quant"))).contentType("application/json")
                .body(Map.of("type", "FULL")).post("/api/v1/backups").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.agent("quant"))).contentType("application/json")
                .body(Map.of("backupId", 1)).post("/api/v1/restores").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.agent("quant"))).get("/api/v1/backups").then().statusCode(403);
        asAdmin().contentType("application/json").body(Map.of("type", "WEEKLY")).post("/api/v1/backups").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("type"));
        restoreRequest(Map.of("fromArchives", "yes")).then().statusCode(400).body("errors.field", hasItem("fromArchives"));
        restoreRequest(Map.of("backupId", 1, "targetTime", "2026-01-01T00:00:00Z")).then().statusCode(400);
        restoreRequest(Map.of("backupId", 987654321)).then().statusCode(404);
        restoreRequest(Map.of("targetTime", "2001-01-01T00:00:00Z")).then().statusCode(422).body("errors.field", hasItem("targetTime"));
        asAdmin().get("/api/v1/backups/987654321").then().statusCode(404);
    }

    static JsonPath backUp(String type) {
        long id = asAdmin().contentType("application/json").body(Map.of("type", type)).post("/api/v1/backups")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/backups/")).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(20)).pollInterval(Duration.ofMillis(20)).until(() -> !List.of("PENDING", "RUNNING")
                .contains(asAdmin().get("/api/v1/backups/{id}", id).jsonPath().getString("status")));
        JsonPath done = asAdmin().get("/api/v1/backups/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLETED", done.getString("status"), () -> "backup " + id + ": " + done.getString("error"));
        return done;
    }

    static io.restassured.response.ValidatableResponse restore(Map<String, Object> request) {
        return restoreRequest(request).then().statusCode(200);
    }

    private static io.restassured.response.Response restoreRequest(Map<String, Object> request) {
        return asAdmin().contentType("application/json").body(request).post("/api/v1/restores");
    }

    static String state() {
        return String.join("\n", DB.strings("SELECT t::text FROM sample_trades t ORDER BY id"));
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin("ops")));
    }
}
