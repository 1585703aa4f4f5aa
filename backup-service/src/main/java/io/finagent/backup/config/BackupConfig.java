package io.finagent.backup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where archives go, the key that seals them, and the services whose data they hold. */
@ConfigMapping(prefix = "finagent.backup")
public interface BackupConfig {

    /** The directory of the archives (a persistent volume in Kubernetes). */
    Path directory();

    /** The AES-256 key: a file of 32 bytes, raw or base64. Never logged: archives name its id. */
    Path keyFile();

    /**
     * zstd level. 1 by {@code bin/bench backup} (1M decisions): a full backup in 0.79 of
     * pg_dump -Fc's time, and an archive smaller than its dump (81 MB against 88).
     */
    @WithDefault("1")
    int compressionLevel();

    /** Each backed-up service's base URL, e.g. {@code memory-service=http://memory-service:8081}. */
    Map<String, String> services();

    /** The services a backup holds, when not every one of {@link #services()} (a laptop running only memory-service, say). */
    Optional<List<String>> include();

    /**
     * The service archived last: the one with the most data. A restore reads each archive once, in
     * its order, and the services before this one take their data ahead into a buffer
     * ({@code ChainReading}), so they restore alongside it instead of after it.
     */
    @WithDefault("memory-service")
    String archivedLast();

    /** The backed-up services in the order a backup archives them: sorted, {@link #archivedLast()} at the end. */
    default List<String> backedUp() {
        return include().orElseGet(() -> List.copyOf(services().keySet())).stream()
                .sorted(Comparator.comparing((String s) -> s.equals(archivedLast())).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** Per service, the tables a CONFIGURATION backup holds (strategies and their versions, user settings). */
    Map<String, List<String>> configurationTables();

    /** The service an AI_MEMORY backup holds. */
    @WithDefault("memory-service")
    String aiMemoryService();

    /** Grandfather-father-son: the newest backup of each of the last {@code daily} days, {@code weekly} weeks, {@code monthly} months. */
    Retention retention();

    interface Retention {
        @WithDefault("7")
        int daily();

        @WithDefault("4")
        int weekly();

        @WithDefault("12")
        int monthly();
    }

    /** The archiver's rules, by name: whose table loses which old rows (the seed's DataArchiver). */
    Map<String, ArchiveRule> archive();

    interface ArchiveRule {
        String service();

        String table();

        /** The timestamptz column that dates a row. */
        String column();

        /** Rows older than this leave the hot table. */
        Duration olderThan();
    }

    /** When backups run on their own: Quartz cron in UTC, "off" for never (read by BackupSchedules' @Scheduled). */
    Schedule schedule();

    interface Schedule {
        @WithDefault("0 0 0 ? * SUN")
        String full();

        @WithDefault("0 0 2 * * ?")
        String incremental();

        @WithDefault("0 30 3 * * ?")
        String retention();

        @WithDefault("0 0 4 * * ?")
        String archive();
    }

    /** The admin bearer token backup-service presents to the services' export and import. */
    String serviceToken();
}
