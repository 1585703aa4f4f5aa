package io.finagent.backup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where archives go, the key that seals them, and the services whose data they hold. */
@ConfigMapping(prefix = "finagent.backup")
public interface BackupConfig {

    /** The directory of the archives (a persistent volume in Kubernetes). */
    Path directory();

    /** The AES-256 key: a file of 32 bytes, raw or base64. Never logged: archives name its id. */
    Path keyFile();

    /** zstd level: 1-3 keep a backup as fast as pg_dump. */
    @WithDefault("3")
    int compressionLevel();

    /** Each backed-up service's base URL, e.g. {@code memory-service=http://memory-service:8081}. */
    Map<String, String> services();

    /** Per service, the tables a CONFIGURATION backup holds (strategies and their versions, user settings). */
    Map<String, List<String>> configurationTables();

    /** The service an AI_MEMORY backup holds. */
    @WithDefault("memory-service")
    String aiMemoryService();

    /** The admin bearer token backup-service presents to the services' export and import. */
    String serviceToken();
}
