package io.finagent.backup.service;

import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupType;
import io.finagent.backup.repository.BackupRepository;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Backups on their own (cron in UTC, {@code finagent.backup.schedule.*}; "off" disables one):
 * a FULL weekly (Sunday 00:00), an INCREMENTAL nightly (02:00; a FULL instead when there is no
 * full to be a delta of, or a restore overtook it), retention nightly (03:30), and a
 * CONFIGURATION backup when a strategy's configuration changes.
 */
@ApplicationScoped
public class BackupSchedules {

    static final String SCHEDULE = "SCHEDULE";
    private static final Logger LOG = Logger.getLogger(BackupSchedules.class);

    private final BackupRuns runs;
    private final BackupCleanup cleanup;
    private final BackupRepository repository;

    public BackupSchedules(BackupRuns runs, BackupCleanup cleanup, BackupRepository repository) {
        this.runs = runs;
        this.cleanup = cleanup;
        this.repository = repository;
    }

    @Scheduled(identity = "full-backup", cron = "${finagent.backup.schedule.full}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> weeklyFull() {
        return runs.start(BackupType.FULL, null, SCHEDULE).replaceWithVoid();
    }

    @Scheduled(identity = "incremental-backup", cron = "${finagent.backup.schedule.incremental}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> nightlyIncremental() {
        return incremental().replaceWithVoid();
    }

    /** The nightly incremental, or a FULL when a delta cannot be taken. */
    public Uni<Backup> incremental() {
        return runs.start(BackupType.INCREMENTAL, null, SCHEDULE)
                .onFailure(ProblemException.class).recoverWithUni(conflict -> {
                    LOG.warnf("scheduled incremental backup taken as a FULL: %s", conflict.getMessage());
                    return runs.start(BackupType.FULL, null, SCHEDULE);
                });
    }

    @Scheduled(identity = "backup-retention", cron = "${finagent.backup.schedule.retention}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> nightlyRetention() {
        return cleanup.apply().replaceWithVoid();
    }

    /** A strategy's configuration changed: one CONFIGURATION backup, unless one is still waiting to run (it will see this change too). */
    public Uni<Backup> configurationChanged() {
        return pendingConfiguration().flatMap(waiting -> waiting != null ? Uni.createFrom().item(waiting)
                : runs.start(BackupType.CONFIGURATION, null, "CONFIG_CHANGE"));
    }

    @WithSession
    Uni<Backup> pendingConfiguration() {
        return repository.find("type = ?1 and status = io.finagent.backup.domain.BackupStatus.PENDING", BackupType.CONFIGURATION).firstResult();
    }
}
