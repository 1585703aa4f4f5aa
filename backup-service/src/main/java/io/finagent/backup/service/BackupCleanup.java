package io.finagent.backup.service;

import io.finagent.backup.client.ServiceData;
import io.finagent.backup.config.BackupConfig;
import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.BackupStatus;
import io.finagent.backup.domain.BackupType;
import io.finagent.backup.domain.Retention;
import io.finagent.backup.domain.RetentionPolicy;
import io.finagent.backup.repository.BackupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retention: keeps the grandfather-father-son set of each kind of backup (the full/delta chains,
 * configuration, memory) plus every backup a kept one depends on; the rest become DELETED in the
 * catalogue (the row stays, as history) and then lose their archive. Afterwards each service's
 * change log is pruned up to the newest full backup, where every future delta starts.
 */
@ApplicationScoped
public class BackupCleanup {

    /** What retention decided. */
    public record Result(List<Long> kept, List<Long> deleted, Map<String, Long> prunedUpTo) {
    }

    private static final Logger LOG = Logger.getLogger(BackupCleanup.class);
    private static final List<Set<BackupType>> KINDS = List.of(
            Set.of(BackupType.FULL, BackupType.INCREMENTAL, BackupType.DIFFERENTIAL),
            Set.of(BackupType.CONFIGURATION), Set.of(BackupType.AI_MEMORY));

    private final BackupRepository repository;
    private final BackupConfig config;
    private final ServiceData services;

    public BackupCleanup(BackupRepository repository, BackupConfig config, ServiceData services) {
        this.repository = repository;
        this.config = config;
        this.services = services;
    }

    public Uni<Result> apply() {
        return decide().flatMap(decided -> Uni.createFrom().item(() -> removeArchivesAndPrune(decided))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private record Decided(List<Long> kept, List<Backup> deleted, Backup newestFull) {
    }

    @WithTransaction
    Uni<Decided> decide() {
        RetentionPolicy policy = new RetentionPolicy(config.retention().daily(), config.retention().weekly(), config.retention().monthly());
        return repository.completed().map(completed -> {
            Set<Long> kept = new HashSet<>();
            for (Set<BackupType> kind : KINDS) {
                kept.addAll(Retention.kept(completed.stream().filter(b -> kind.contains(b.type)).map(Backup::completed).toList(), policy));
            }
            List<Backup> deleted = new ArrayList<>();
            Instant now = Instant.now();
            for (Backup backup : completed) {
                if (!kept.contains(backup.id)) {
                    backup.status = BackupStatus.DELETED;
                    backup.deletedAt = now;
                    backup.updatedAt = now;
                    deleted.add(backup);
                }
            }
            Backup newestFull = completed.stream().filter(b -> b.type == BackupType.FULL)
                    .max(Comparator.comparing((Backup b) -> b.snapshotAt).thenComparing(b -> b.id)).orElse(null);
            return new Decided(kept.stream().sorted().toList(), deleted, newestFull);
        });
    }

    /** After the catalogue committed: a file whose row still said COMPLETED would be worse than an orphaned file. */
    private Result removeArchivesAndPrune(Decided decided) {
        for (Backup backup : decided.deleted()) {
            try {
                Files.deleteIfExists(Path.of(backup.archivePath));
            } catch (IOException e) {
                LOG.warnf("retention: archive of backup %d not removed (%s); it is DELETED in the catalogue", backup.id, e.getMessage());
            }
        }
        Map<String, Long> pruned = new java.util.TreeMap<>();
        if (decided.newestFull() != null) {
            for (String service : decided.newestFull().services) {
                String snapshot = decided.newestFull().watermark(service);
                try {
                    services.pruneChanges(service, snapshot);
                    pruned.put(service, decided.newestFull().id);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    LOG.warnf("retention: change log of %s not pruned (%s); it is pruned next time", service, e.getMessage());
                }
            }
        }
        List<Long> deleted = decided.deleted().stream().map(b -> b.id).sorted().toList();
        LOG.infof("retention: kept %d backups, deleted %s; change logs pruned up to backup %s",
                decided.kept().size(), deleted, pruned.values().stream().distinct().map(String::valueOf).collect(Collectors.joining()));
        return new Result(decided.kept(), deleted, pruned);
    }
}
