package io.finagent.backup.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.archive.BackupKeyring;
import io.finagent.backup.config.BackupConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A lost catalogue, rebuilt from the archive directory and the key file alone. Every backup archive
 * in {@code finagent.backup.directory} is read whole (each segment authenticated, each entry against
 * the manifest), and one whose description ({@link BackupDescription}) names a backup the catalogue
 * lacks is entered as COMPLETED with its own id, type, parent, services, watermarks, snapshot,
 * size and checksum, parents first; then new backups' ids continue after the highest. An archive
 * already in the catalogue, one that describes nothing (written before descriptions), one that
 * does not read, and one whose parent is in neither place are named and left out.
 * Progress: a log line per archive, {@code finagent_backup_catalogue_rebuilt_total}.
 */
@ApplicationScoped
public class CatalogueRebuild {

    private static final Logger LOG = Logger.getLogger(CatalogueRebuild.class);
    private static final String INSERT = """
            INSERT INTO backups (id, backup_type, status, trigger_source, requested_by, parent_backup_id, services, watermarks,
                                 snapshot_at, completed_at, size_bytes, uncompressed_bytes, checksum_sha256, archive_path, manifest,
                                 created_at, updated_at)
            VALUES ($1, $2, 'COMPLETED', 'MANUAL', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8, $8)""";

    /** What a rebuild found: the archives read, the backups entered, those already there, and what was left out and why. */
    public record Result(int archives, List<Long> added, List<Long> alreadyCatalogued, List<String> leftOut) {
    }

    /** A backup archive that read, with what it says it is. */
    private record Found(Path file, long size, String sha256, List<?> entries, long uncompressed, BackupDescription backup) {
    }

    private final BackupConfig config;
    private final BackupKeys keys;
    private final Pool pool;
    private final ObjectMapper json;
    private final Counter rebuilt;

    public CatalogueRebuild(BackupConfig config, BackupKeys keys, Pool pool, ObjectMapper json, MeterRegistry registry) {
        this.config = config;
        this.keys = keys;
        this.pool = pool;
        this.json = json;
        this.rebuilt = Counter.builder("finagent.backup.catalogue.rebuilt")
                .description("backups entered into the catalogue from their archives").register(registry);
    }

    /** Reads the archives on a worker thread, then enters what the catalogue lacks in one transaction. */
    public Uni<Result> rebuild(String requestedBy) {
        List<String> leftOut = new ArrayList<>();
        return Uni.createFrom().item(Unchecked.supplier(() -> read(leftOut))).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(found -> enter(found, leftOut, requestedBy))
                .invoke(result -> {
                    rebuilt.increment(result.added().size());
                    LOG.infof("catalogue rebuilt from %s: %d backups entered %s, %d already there, %d left out", config.directory(),
                            result.added().size(), result.added(), result.alreadyCatalogued().size(), result.leftOut().size());
                });
    }

    private Uni<Result> enter(List<Found> found, List<String> leftOut, String requestedBy) {
        return pool.withTransaction(connection -> connection.query("SELECT id FROM backups").execute().chain(rows -> {
            Set<Long> known = new HashSet<>();
            rows.forEach(row -> known.add(row.getLong(0)));
            List<Long> already = new ArrayList<>();
            List<Long> added = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Found archive : found) {
                BackupDescription backup = archive.backup();
                if (known.contains(backup.id())) {
                    already.add(backup.id());
                } else if (backup.parentId() != null && !known.contains(backup.parentId())) {
                    leftOut.add(archive.file().getFileName() + ": its parent, backup " + backup.parentId()
                            + ", is in neither the catalogue nor the directory");
                } else {
                    known.add(backup.id());
                    added.add(backup.id());
                    chain = chain.chain(() -> insert(connection, archive, requestedBy));
                }
            }
            return chain.chain(() -> connection.query("SELECT setval(pg_get_serial_sequence('backups', 'id'), max(id)) FROM backups"
                    + " HAVING max(id) IS NOT NULL").execute())
                    .map(ignored -> new Result(found.size(), added, already, leftOut));
        }));
    }

    /** Every backup archive of the directory that reads and describes a backup, by id; the rest named in {@code leftOut}. */
    private List<Found> read(List<String> leftOut) throws IOException {
        BackupKeyring keyring = keys.keyring();
        List<Path> files;
        try (Stream<Path> listed = Files.list(config.directory())) {
            files = listed.filter(f -> f.getFileName().toString().startsWith("backup-") && f.getFileName().toString().endsWith(".fabk"))
                    .sorted().toList();
        } catch (NoSuchFileException noDirectory) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Path file : files) {
            try {
                ArchiveReader.Read read = ArchiveReader.verify(file, keyring);
                var backup = BackupDescription.from(read.manifest().about());
                if (backup.isEmpty()) {
                    leftOut.add(file.getFileName() + ": describes no backup (written before archives described themselves)");
                } else {
                    found.add(new Found(file, Files.size(file), read.sha256(), read.manifest().entries(), read.manifest().bytes(), backup.get()));
                    LOG.infof("catalogue rebuild: %s read, backup %d (%s)", file.getFileName(), backup.get().id(), backup.get().type());
                }
            } catch (IOException e) {
                leftOut.add(file.getFileName() + ": " + e.getMessage());
                LOG.warnf("catalogue rebuild: %s left out: %s", file.getFileName(), e.getMessage());
            }
        }
        found.sort(Comparator.comparingLong(f -> f.backup().id()));
        return found;
    }

    private Uni<Void> insert(SqlConnection connection, Found archive, String requestedBy) {
        BackupDescription backup = archive.backup();
        Instant completed = lastModified(archive.file());
        Tuple values = Tuple.tuple(Arrays.asList(backup.id(), backup.type().name(), requestedBy, backup.parentId(),
                backup.services().toArray(String[]::new), new JsonObject(json.convertValue(backup.watermarks(), Map.class)),
                backup.snapshotAt().atOffset(ZoneOffset.UTC), completed.atOffset(ZoneOffset.UTC), archive.size(), archive.uncompressed(),
                archive.sha256(), archive.file().toString(),
                new JsonObject().put("entries", new JsonArray(json.convertValue(archive.entries(), List.class)))));
        return connection.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
