package io.finagent.backup;

import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.archive.BackupKeyring;
import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CONFIGURATION backup holds each service's effective configuration (secrets masked) and its
 * configuration tables only, and restores just those; an AI_MEMORY backup holds the memory
 * service whole.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = BackupTestSettings.class, scope = TestResourceScope.GLOBAL)
class ConfigurationAndMemoryBackupTest {

    private static final TestDatabase DB = new TestDatabase("finagent_backup_test");

    @Test
    void aConfigurationBackupRestoresTheSettingsAndLeavesTradesAlone() throws IOException {
        DB.execute("TRUNCATE sample_settings");
        DB.execute("INSERT INTO sample_settings VALUES ('risk.max-position', '0.05'), ('risk.stop-loss', '0.02')");
        JsonPath backup = BackupRestoreTest.backUp("CONFIGURATION");
        assertEquals(List.of("sample-service/configuration.json", "sample-service/sample_settings.csv"), backup.getList("entries.name"));
        String settings = settings();

        DB.execute("UPDATE sample_settings SET value = '0.50' WHERE name = 'risk.max-position'");
        DB.execute("DELETE FROM sample_settings WHERE name = 'risk.stop-loss'");
        DB.execute("INSERT INTO sample_settings VALUES ('risk.leverage', '3')");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('CONF', 1)");
        String trades = BackupRestoreTest.state();
        DB.execute("TRUNCATE sample_settings");

        BackupRestoreTest.restore(Map.of("backupId", backup.getLong("id")));
        assertEquals(settings, settings());
        assertEquals(trades, BackupRestoreTest.state(), "a configuration restore changes no trade");
    }

    @Test
    void theEffectiveConfigurationIsArchivedWithSecretsMasked() throws IOException {
        JsonPath backup = BackupRestoreTest.backUp("CONFIGURATION");
        Map<String, String> entries = new HashMap<>();
        ArchiveReader.read(BackupTestSettings.directory.resolve("archives").resolve(backup.getString("archive")),
                BackupKeyring.read(BackupTestSettings.keyFile()),
                (name, data) -> entries.put(name, new String(data.readAllBytes(), StandardCharsets.UTF_8)));
        String configuration = entries.get("sample-service/configuration.json");
        assertTrue(configuration.contains("\"finagent.backup.service-token\":\"***\""), configuration);
        assertTrue(configuration.contains("\"quarkus.http.port\""), configuration);
        String token = given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).get("/api/v1/backup/configuration")
                .then().statusCode(200).extract().jsonPath().getString("'finagent.backup.service-token'");
        assertEquals("***", token);
        assertFalse(configuration.contains("eyJ"), "no JWT in the archived configuration");
    }

    @Test
    void anAiMemoryBackupHoldsTheMemoryServiceWhole() {
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('MEM', 2)");
        JsonPath backup = BackupRestoreTest.backUp("AI_MEMORY");
        assertEquals(List.of("sample-service"), backup.getList("services"));
        assertTrue(backup.getList("entries.name").containsAll(List.of("sample-service/sample_trades.csv", "sample-service/sample_settings.csv")));
        String state = BackupRestoreTest.state();
        DB.execute("DELETE FROM sample_trades WHERE symbol = 'MEM'");
        DB.execute("UPDATE sample_trades SET quantity = quantity + 1");
        DB.execute("INSERT INTO sample_trades (symbol, quantity) VALUES ('LATE', 1)");
        DB.execute("TRUNCATE sample_trades");
        BackupRestoreTest.restore(Map.of("backupId", backup.getLong("id"), "service", "sample-service"));
        assertEquals(state, BackupRestoreTest.state());
    }

    private static String settings() {
        return String.join("\n", DB.strings("SELECT t::text FROM sample_settings t ORDER BY name"));
    }
}
