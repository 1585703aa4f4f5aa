package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveException;
import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.client.ServiceData;
import io.finagent.backup.domain.Backup;
import io.finagent.backup.domain.CompletedBackup;
import io.finagent.backup.domain.RestoreChain;
import io.finagent.backup.repository.BackupRepository;
import io.finagent.platform.backup.ExportFrames;
import io.finagent.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
     * The first service's import reads every archive of the chain to its end, which checks it
     * ({@link ArchiveReader#read}: tags, entries, manifest; then the file against the catalogue),
     * and its commit (the body's end marker) waits for that: a failing archive changes nothing,
     * and the check costs no reading of its own. Where that import fails before its reading is
     * done, or no service has rows to import, the chain is checked on its own.
     */
    public Restored restore(Long backupId, Instant target, String service, String requestedBy) {
        RestorePlan plan = plan(OnVertxContext.await(this::completed), backupId, target, service);
        long id = OnVertxContext.await(() -> records.begin(plan, target, requestedBy)).id;
        CompletableFuture<Optional<ArchiveCheck>> verified = new CompletableFuture<>();
        Map<String, String> imported = new LinkedHashMap<>();
        // the smallest first: what a service does after its import (portfolio's series written back to
        // QuestDB, a cache emptied) then runs while the larger imports are still under way
        List<String> order = plan.services().stream()
                .sorted(Comparator.comparingLong(name -> plan.chain().stream().mapToLong(b -> b.bytesOf(name)).sum())).toList();
        for (String name : order) {
            if (plan.chain().stream().noneMatch(b -> b.holdsRowsOf(name))) {
                continue; // settings only: kept for reading, not imported
            }
            CompletableFuture<Optional<ArchiveCheck>> checking = verified.isDone() ? null : verified;
            try {
                imported.put(name, services.restore(name, () -> body(plan.chain(), name, checking)));
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                refuseIfFailed(id, plan, backupId, checked(plan, verified)); // the import was stopped for it
                String detail = "restore of " + name + " failed (" + e.getMessage() + "); restored before it: " + imported.keySet();
                OnVertxContext.await(() -> records.end(id, "FAILED", detail));
                throw ProblemException.unavailable(detail);
            }
            LOG.infof("restore: %s restored from chain %s", name, plan.backupIds());
        }
        refuseIfFailed(id, plan, backupId, checked(plan, verified));
        try {
            OnVertxContext.await(() -> records.end(id, "COMPLETED", null));
        } catch (RuntimeException e) {
            // every service has committed its import: the restore happened, whatever its record says
            LOG.errorf(e, "restore %d: every service restored, but the restore could not be recorded COMPLETED", id);
        }
        return new Restored(id, plan.backupIds(), imported);
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

    /**
     * The import body of one service, written by its own thread as the HTTP client reads it;
     * with {@code checking}, that reading is the chain's check too.
     */
    private InputStream body(List<Backup> chain, String service, CompletableFuture<Optional<ArchiveCheck>> checking) {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread writer = new Thread(() -> write(chain, service, checking, out), "restore-" + service);
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    /**
     * Ends without the end marker on failure, or when an archive of the chain fails its check,
     * so the service rolls back instead of committing.
     */
    private void write(List<Backup> chain, String service, CompletableFuture<Optional<ArchiveCheck>> checking, PipedOutputStream out) {
        try (out) {
            ExportFrames.Writer frames = new ExportFrames.Writer(out);
            String prefix = service + "/";
            for (Backup backup : chain) {
                String kind = backup.type.isDelta() ? "delta/" : "full/";
                ArchiveCheck check;
                try {
                    check = verify.of(backup, ArchiveReader.read(Path.of(backup.archivePath), keys.keyring(), (name, data) -> {
                        if (name.startsWith(prefix) && name.endsWith(".csv")) {
                            try (OutputStream entry = frames.entry(kind + name.substring(prefix.length()))) {
                                data.transferTo(entry);
                            }
                        }
                    }));
                } catch (ArchiveException e) {
                    check = verify.failed(backup, e);
                }
                if (!check.passed()) {
                    if (checking != null) {
                        checking.complete(Optional.of(check));
                    }
                    LOG.warnf("restore of %s: backup %d fails its check (%s); the service rolls back", service, backup.id, check.detail());
                    return;
                }
            }
            if (checking != null) {
                checking.complete(Optional.empty());
                LOG.infof("restore of %s: every archive of the chain verified", service);
            }
            frames.finish();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "restore of %s: reading the archives failed; the service rolls back", service);
        }
    }

    @WithSession
    Uni<List<Backup>> completed() {
        return repository.completed();
    }
}
