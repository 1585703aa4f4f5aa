package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.archive.ArchiveWriter;
import io.finagent.backup.client.ServiceData;
import io.finagent.backup.config.BackupConfig;
import io.finagent.backup.domain.ArchiveRun;
import io.finagent.platform.export.BackedUpTable;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The seed's DataArchiver: for each rule, the rows older than its age are read from the owning
 * service, sealed into an archive like a backup's, and only then removed from the hot table (a
 * row changed meanwhile stays, for the next run). ai_memory and transactions are never archived.
 * Runs on the backup queue, nightly and on request; archived rows are read back with {@link #rows}.
 */
@ApplicationScoped
public class DataArchiver {

    private static final Logger LOG = Logger.getLogger(DataArchiver.class);

    private final BackupConfig config;
    private final ServiceData services;
    private final BackupKeys keys;
    private final ArchiveRecords records;
    private final BackupRuns queue;

    public DataArchiver(BackupConfig config, ServiceData services, BackupKeys keys, ArchiveRecords records, BackupRuns queue) {
        this.config = config;
        this.services = services;
        this.keys = keys;
        this.records = records;
        this.queue = queue;
    }

    @Scheduled(identity = "data-archiver", cron = "${finagent.backup.schedule.archive}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> nightly() {
        return run(null).replaceWithVoid();
    }

    /** One run over every rule; each table's part succeeds or fails on its own. */
    public Uni<List<ArchiveRun>> run(String requestedBy) {
        return queue.queued(() -> {
            UUID runId = UUID.randomUUID();
            List<ArchiveRun> runs = new ArrayList<>();
            for (Map.Entry<String, BackupConfig.ArchiveRule> rule : new TreeMap<>(config.archive()).entrySet()) {
                runs.add(archive(runId, rule.getKey(), rule.getValue(), requestedBy));
            }
            return runs;
        });
    }

    private ArchiveRun archive(UUID runId, String name, BackupConfig.ArchiveRule rule, String requestedBy) {
        Instant cutoff = Instant.now().minus(rule.olderThan());
        long id = OnVertxContext.await(() -> records.begin(runId, rule, cutoff, requestedBy)).id;
        if (BackedUpTable.NEVER_ARCHIVED.contains(rule.table())) {
            return OnVertxContext.await(() -> records.fail(id, rule.table() + " is never archived (rule " + name + ")"));
        }
        Path file = config.directory().resolve("archive-" + rule.table() + "-" + id + ".fabk");
        String snapshot;
        ArchiveRun sealed;
        try (ArchiveWriter archive = ArchiveWriter.create(file, keys.keyring(), config.compressionLevel())) {
            try (ServiceData.Export rows = services.archiveRows(rule.service(), rule.table(), rule.column(), cutoff)) {
                snapshot = rows.snapshot();
                ArchiveEntries.copy(rule.service(), rows.body(), archive, bytes -> { }, entry -> { });
            }
            ArchiveWriter.Written written = archive.finish(); // durable before a single row leaves its table
            sealed = OnVertxContext.await(() -> records.sealed(id, written)); // and on record: the rows are found whatever follows
        } catch (IOException | InterruptedException | RuntimeException e) {
            return failed(id, rule, e, "its rows stay in the table");
        }
        long removed;
        try {
            removed = services.archiveRemove(rule.service(), rule.table(), rule.column(), cutoff, snapshot);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the service may have removed rows before its answer was lost: they are in the archive either way
            return failed(id, rule, e, "any row that left the table is in " + sealed.archivePath);
        }
        LOG.infof("archiver: %d rows of %s/%s older than %s moved to %s", removed, rule.service(), rule.table(), cutoff, file.getFileName());
        try {
            return OnVertxContext.await(() -> records.complete(id, removed));
        } catch (RuntimeException e) {
            // the rows have moved and the archive is on record: the run's answer says so, the record stays RUNNING
            LOG.errorf(e, "archiver: run %d moved %d rows to %s but could not be marked COMPLETED", id, removed, file.getFileName());
            sealed.rowsArchived = removed;
            return sealed;
        }
    }

    private ArchiveRun failed(long id, BackupConfig.ArchiveRule rule, Exception e, String consequence) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        LOG.errorf(e, "archiver: %s/%s failed; %s", rule.service(), rule.table(), consequence);
        return OnVertxContext.await(() -> records.fail(id, e.getMessage() + "; " + consequence));
    }

    /**
     * A run whose archive is on record (blocking: from a worker thread): every completed run, and a
     * failed one whose rows may have left their table before it failed.
     */
    public ArchiveRun sealedRun(long id) {
        ArchiveRun run = OnVertxContext.await(() -> records.get(id));
        if (run.archivePath == null) {
            throw ProblemException.conflict("archive run " + id + " is " + run.status + " and sealed no archive: it holds no rows");
        }
        return run;
    }

    /** The archived rows of one run, as CSV with a header, decrypted and checked as they are read. */
    public void rows(ArchiveRun run, OutputStream out) throws IOException {
        ArchiveReader.read(Path.of(run.archivePath), keys.keyring(), (name, data) -> data.transferTo(out));
    }
}
