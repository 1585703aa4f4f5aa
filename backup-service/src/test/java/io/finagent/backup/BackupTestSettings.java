package io.finagent.backup;

import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The archives of a test run in a directory of their own, a key generated there, and the admin token backup-service presents. */
public class BackupTestSettings implements QuarkusTestResourceLifecycleManager {

    static Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("finagent-backups-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("finagent.backup.directory", directory.resolve("archives").toString(),
                "finagent.backup.key-file", keyFile().toString(),
                "finagent.backup.service-token", Tokens.admin("backup-service"));
    }

    static Path keyFile() {
        return directory.resolve("backup.key");
    }

    @Override
    public void stop() {
        // the directory stays for a look after a failed run; it is under the system's temp directory
    }
}
