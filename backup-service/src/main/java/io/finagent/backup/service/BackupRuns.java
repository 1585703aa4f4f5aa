package io.finagent.backup.service;

import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupType;
import io.finagent.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs requested backups one after another, off the request: each reads every service's export
 * (long, blocking I/O) on this queue's own thread, so a delta always starts from the backup
 * completed before it.
 */
@ApplicationScoped
public class BackupRuns {

    private static final Logger LOG = Logger.getLogger(BackupRuns.class);

    private final BackupService catalogue;
    private final BackupWriter writer;
    private final BackupProgress progress;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> new Thread(r, "backup-runs"));

    public BackupRuns(BackupService catalogue, BackupWriter writer, BackupProgress progress) {
        this.catalogue = catalogue;
        this.writer = writer;
        this.progress = progress;
    }

    /** Requests a backup and queues it: the answer is the PENDING backup. */
    public Uni<Backup> start(BackupType type, String requestedBy, String trigger) {
        return catalogue.request(type, requestedBy, trigger).invoke(this::submit);
    }

    /** Other long work that must not overlap a backup (the archiver): run on the same queue. */
    public <T> Uni<T> queued(Callable<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            try {
                queue.execute(() -> {
                    try {
                        emitter.complete(work.call());
                    } catch (Exception e) {
                        emitter.fail(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(ProblemException.unavailable("backup-service is stopping: try again once it is back"));
            }
        });
    }

    /**
     * The PENDING backup is committed and answered even when a stopping service refuses to queue
     * it: the next start records it interrupted ({@link #onStart}), as for one queued before the stop.
     */
    private void submit(Backup backup) {
        long id = backup.id;
        try {
            queue.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            LOG.warnf("backup %d stays PENDING: backup-service is stopping, and its next start records it interrupted", id);
        }
    }

    private void run(long id) {
        BackupJob job;
        try {
            job = OnVertxContext.await(() -> catalogue.begin(id));
        } catch (RuntimeException e) {
            LOG.errorf(e, "backup %d cannot start", id);
            OnVertxContext.await(() -> catalogue.fail(id, e.getMessage()));
            return;
        }
        LOG.infof("backup %d (%s) of %s started%s", id, job.type(), job.services(), job.since().isEmpty() ? "" : " as a delta");
        boolean completed = false;
        try {
            ArchivedBackup archived = writer.write(job);
            Backup done = OnVertxContext.await(() -> catalogue.complete(id, archived));
            progress.succeeded(job.type(), done.completedAt);
            completed = true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf(e, "backup %d failed", id);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            OnVertxContext.await(() -> catalogue.fail(id, message));
        } finally {
            progress.ended(job, completed);
        }
    }

    /** Backups a stopped service left PENDING or RUNNING will not finish: they fail, and their .partial files go. */
    void onStart(@Observes StartupEvent event) {
        int interrupted = OnVertxContext.await(catalogue::failInterrupted);
        if (interrupted > 0) {
            LOG.warnf("%d backups were interrupted by a stop and are now FAILED", interrupted);
        }
        writer.removePartialFiles();
        for (Backup backup : OnVertxContext.await(catalogue::completed)) {
            progress.succeeded(backup.type, backup.completedAt);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        queue.shutdownNow();
    }
}
