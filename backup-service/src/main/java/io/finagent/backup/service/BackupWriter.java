package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveWriter;
import io.finagent.backup.archive.BackupKeyring;
import io.finagent.backup.client.ServiceData;
import io.finagent.backup.config.BackupConfig;
import io.finagent.backup.domain.BackupType;
import io.finagent.platform.export.ExportFrames;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each service's export into one archive, entry {@code <service>/<name>} for each of the
 * service's entries. A CONFIGURATION backup holds each service's effective configuration
 * ({@code <service>/configuration.json}) and the export of its configuration tables only. A FULL
 * one holds backup-service's own catalogue besides ({@link CatalogueCopy}). Progress (bytes read so far) goes to {@link BackupProgress}.
 */
@ApplicationScoped
public class BackupWriter {

    private static final Logger LOG = Logger.getLogger(BackupWriter.class);

    private final BackupConfig config;
    private final ServiceData services;
    private final BackupKeys keys;
    private final BackupProgress progress;
    private final BackupService catalogue;
    private final CatalogueCopy catalogueCopy;

    public BackupWriter(BackupConfig config, ServiceData services, BackupKeys keys, BackupProgress progress, BackupService catalogue,
                        CatalogueCopy catalogueCopy) {
        this.catalogue = catalogue;
        this.catalogueCopy = catalogueCopy;
        this.config = config;
        this.services = services;
        this.keys = keys;
        this.progress = progress;
    }

    public ArchivedBackup write(BackupJob job) throws IOException, InterruptedException {
        BackupKeyring keyring = keys.keyring();
        Path file = config.directory().resolve("backup-" + job.id() + "-" + job.type().name().toLowerCase() + ".fabk");
        Map<String, Map<String, String>> watermarks = new LinkedHashMap<>();
        Instant snapshotAt = null;
        try (ArchiveWriter archive = ArchiveWriter.create(file, keyring, config.compressionLevel())) {
            for (String service : job.services()) {
                List<String> tables = null;
                if (job.type() == BackupType.CONFIGURATION) {
                    try (OutputStream entry = archive.entry(service + "/configuration.json")) {
                        entry.write(services.configuration(service));
                    }
                    tables = config.configurationTables().get(service);
                    if (tables == null) {
                        continue; // a service without configuration tables: its settings are all there is
                    }
                }
                try (ServiceData.Export export = services.export(service, job.since().get(service), tables)) {
                    snapshotAt = Instant.now(); // the export's snapshot exists once its response has begun
                    watermarks.put(service, Map.of("snapshot", export.snapshot(), "at", snapshotAt.toString()));
                    copy(job, service, export.body(), archive);
                }
            }
            if (snapshotAt == null) {
                snapshotAt = Instant.now();
            }
            if (job.type() == BackupType.FULL) {
                catalogueCopy.write(archive);
            }
            ArchiveWriter.Written written = archive.finish(
                    new BackupDescription(job.id(), job.type(), job.parentId(), job.services(), watermarks, snapshotAt).toAbout());
            LOG.infof("backup %d (%s): %d bytes of data in %d bytes of archive %s", job.id(), job.type(),
                    written.manifest().bytes(), written.sizeBytes(), written.file().getFileName());
            return new ArchivedBackup(written, watermarks, snapshotAt);
        }
    }

    /** What a crash mid-backup left: never an archive, so it goes. */
    void removePartialFiles() {
        try (var files = Files.list(config.directory())) {
            for (Path partial : files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList()) {
                Files.deleteIfExists(partial);
                LOG.warnf("removed %s, left by an interrupted backup", partial.getFileName());
            }
        } catch (NoSuchFileException noDirectoryYet) {
            // nothing was ever written
        } catch (IOException e) {
            LOG.warnf("cannot clean %s: %s", config.directory(), e.getMessage());
        }
    }

    private void copy(BackupJob job, String service, InputStream body, ArchiveWriter archive) throws IOException {
        ArchiveEntries.copy(service, body, archive, bytes -> progress.read(job, bytes), name -> {
            long read = progress.bytes(job.id());
            LOG.infof("backup %d: %s/%s read, %d bytes so far", job.id(), service, name, read);
            OnVertxContext.await(() -> catalogue.progress(job.id(), read));
        });
    }
}
