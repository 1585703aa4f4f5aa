package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.archive.ArchiveWriter;
import io.finagent.backup.client.ServiceData;
import io.finagent.backup.config.BackupConfig;
import io.finagent.backup.domain.ArchiveRun;
import io.finagent.platform.backup.ArchiveResource;
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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        if (ArchiveResource.NEVER_ARCHIVED.contains(rule.table())) {
            return OnVertxContext.await(() -> records.fail(id, rule.table() + " is never archived (rule " + name + ")"));
        }
        Path file = config.directory().resolve("archive-" + rule.table() + "-" + id + ".fabk");
        try (ArchiveWriter archive = ArchiveWriter.create(file, keys.key(), config.compressionLevel())) {
            String snapshot;
            try (ServiceData.Export rows = services.archiveRows(rule.service(), rule.table(), rule.column(), cutoff)) {
                snapshot = rows.snapshot();
                ArchiveEntries.copy(rule.service(), rows.body(), archive, bytes -> { }, entry -> { });
            }
            ArchiveWriter.Written written = archive.finish(); // durable before a single row leaves its table
            long removed = services.archiveRemove(rule.service(), rule.table(), rule.column(), cutoff, snapshot);
            LOG.infof("archiver: %d rows of %s/%s older than %s moved to %s", removed, rule.service(), rule.table(), cutoff, file.getFileName());
            return OnVertxContext.await(() -> records.complete(id, written, removed));
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf(e, "archiver: %s/%s failed; its rows stay in the table", rule.service(), rule.table());
            return OnVertxContext.await(() -> records.fail(id, String.valueOf(e.getMessage())));
        }
    }

    /** A completed run, whose archive holds rows (blocking: from a worker thread). */
    public ArchiveRun completedRun(long id) {
        ArchiveRun run = OnVertxContext.await(() -> records.get(id));
        if (!"COMPLETED".equals(run.status)) {
            throw ProblemException.conflict("archive run " + id + " is " + run.status + ": it holds no rows");
        }
        return run;
    }

    /** The archived rows of one run, as CSV with a header, decrypted and checked as they are read. */
    public void rows(ArchiveRun run, OutputStream out) throws IOException {
        ArchiveReader.read(Path.of(run.archivePath), keys.key(), (name, data) -> data.transferTo(out));
    }
}
