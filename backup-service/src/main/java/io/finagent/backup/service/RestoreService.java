package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveException;
import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.client.ServiceData;
import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.CompletedBackup;
import io.finagent.backup.domain.RestoreChain;
import io.finagent.backup.repository.BackupRepository;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Restores the chain that leads to a backup (or to a point in time): sends each service its
 * entries (the full's as {@code full/}, each delta's as {@code delta/}) to import in one
 * transaction, and lets none commit before every archive of the chain has passed its check,
 * refusing with nothing changed if one fails. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class RestoreService {

    private static final Logger LOG = Logger.getLogger(RestoreService.class);

    private final BackupRepository repository;
    private final VerifyService verify;
    private final BackupKeys keys;
    private final ServiceData services;
    private final RestoreRecords records;

    public RestoreService(BackupRepository repository, VerifyService verify, BackupKeys keys, ServiceData services, RestoreRecords records) {
        this.records = records;
        this.repository = repository;
        this.verify = verify;
        this.keys = keys;
        this.services = services;
    }

    /** The chain restored, and each service's answer to its import. */
    public record Restored(long id, List<Long> chain, Map<String, String> imported) {
    }

    /**
     * Exactly one of {@code backupId} and {@code target}; {@code service} null for every service the chain covers.
     * Every service imports at once, from one reading of the chain ({@link ChainReading}), which
     * checks every archive and lets no import commit before all passed: a failing archive
     * changes nothing, and the check costs no reading of its own. Where the reading did not come
     * to its end, or no service has rows to import, the chain is checked on its own.
     */
    public Restored restore(Long backupId, Instant target, String service, String requestedBy) {
        RestorePlan plan = plan(OnVertxContext.await(this::completed), backupId, target, service);
        long id = OnVertxContext.await(() -> records.begin(plan, target, requestedBy)).id;
        // a service with only settings in the chain: kept for reading, not imported
        List<String> importing = plan.services().stream().filter(name -> plan.chain().stream().anyMatch(b -> b.holdsRowsOf(name))).toList();
        CompletableFuture<Optional<ArchiveCheck>> verified = new CompletableFuture<>();
        Map<String, CompletableFuture<String>> imports = new LinkedHashMap<>();
        if (!importing.isEmpty()) {
            ChainReading reading;
            try {
                reading = ChainReading.start(plan.chain(), importing, verify, keys.keyring());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            verified = reading.verified;
            for (String name : importing) {
                imports.put(name, importing(name, reading));
            }
        }
        Map<String, String> imported = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<String>> running : imports.entrySet()) {
            try {
                imported.put(running.getKey(), running.getValue().join());
                LOG.infof("restore: %s restored from chain %s", running.getKey(), plan.backupIds());
            } catch (CompletionException e) {
                failed.put(running.getKey(), e.getCause().getMessage());
            }
        }
        refuseIfFailed(id, plan, backupId, checked(plan, verified));
        if (!failed.isEmpty()) {
            String detail = "restore of " + failed.keySet() + " failed (" + String.join("; ", failed.values()) + "); restored: " + imported.keySet();
            OnVertxContext.await(() -> records.end(id, "FAILED", detail));
            throw ProblemException.unavailable(detail);
        }
        try {
            OnVertxContext.await(() -> records.end(id, "COMPLETED", null));
        } catch (RuntimeException e) {
            // every service has committed its import: the restore happened, whatever its record says
            LOG.errorf(e, "restore %d: every service restored, but the restore could not be recorded COMPLETED", id);
        }
        return new Restored(id, plan.backupIds(), imported);
    }

    /** A service's import, on a thread of its own (the HTTP call blocks until the service has committed). */
    private CompletableFuture<String> importing(String name, ChainReading reading) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                result.complete(services.restore(name, () -> reading.body(name)));
            } catch (IOException | InterruptedException | RuntimeException e) {
                reading.abandon(name);
                result.completeExceptionally(e);
            }
        }, "restore-" + name);
        caller.setDaemon(true);
        caller.start();
        return result;
    }

    /** The import's check if it came to an end, else a check of the chain on its own. */
    private Optional<ArchiveCheck> checked(RestorePlan plan, CompletableFuture<Optional<ArchiveCheck>> verified) {
        if (!verified.isDone()) {
            verified.complete(firstFailure(plan));
        }
        return verified.join();
    }

    /** The first archive of the chain that fails verification, if one does. */
    private Optional<ArchiveCheck> firstFailure(RestorePlan plan) {
        for (Backup backup : plan.chain()) {
            ArchiveCheck check;
            try {
                check = verify.check(backup);
            } catch (RuntimeException e) {
                check = new ArchiveCheck(backup.id, false, ArchiveException.Reason.CORRUPT.name(), String.valueOf(e.getMessage()));
            }
            if (!check.passed()) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    private void refuseIfFailed(long id, RestorePlan plan, Long backupId, Optional<ArchiveCheck> failure) {
        if (failure.isEmpty()) {
            return;
        }
        ArchiveCheck check = failure.get();
        OnVertxContext.await(() -> verify.record(check));
        String detail = "backup " + check.backupId() + " of the chain " + plan.backupIds() + " fails verification ("
                + check.reason() + ": " + check.detail() + "); nothing was restored";
        OnVertxContext.await(() -> records.end(id, "REFUSED", detail));
        throw ProblemException.unprocessable(backupId != null ? "backupId" : "targetTime", detail);
    }

    static RestorePlan plan(List<Backup> completed, Long backupId, Instant target, String service) {
        Map<Long, Backup> byId = completed.stream().collect(Collectors.toMap(b -> b.id, Function.identity()));
        Map<Long, CompletedBackup> chainable = completed.stream().map(Backup::completed)
                .collect(Collectors.toMap(CompletedBackup::id, Function.identity()));
        List<CompletedBackup> chain;
        if (backupId != null) {
            if (!byId.containsKey(backupId)) {
                throw ProblemException.notFound("completed backup", backupId);
            }
            chain = RestoreChain.of(chainable, backupId);
        } else {
            chain = RestoreChain.at(List.copyOf(chainable.values()), target);
            if (chain.isEmpty()) {
                throw ProblemException.unprocessable("targetTime", "no full or delta backup was taken at or before " + target);
            }
        }
        List<String> covered = byId.get(chain.get(chain.size() - 1).id()).services;
        if (service != null && !covered.contains(service)) {
            throw ProblemException.invalid("service", service + " is not in the backup; it covers " + covered);
        }
        return new RestorePlan(chain.stream().map(c -> byId.get(c.id())).toList(), service == null ? covered : List.of(service));
    }

    @WithSession
    Uni<List<Backup>> completed() {
        return repository.completed();
    }
}
