package io.finagent.backup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a restore applies, in order: a full, then the deltas up to the backup chosen (full +
 * differential, or full + incrementals). For a point in time, the chosen backup is the one whose
 * snapshot is the latest at or before it.
 */
public final class RestoreChain {

    private RestoreChain() {
    }

    /** The chain ending with {@code id}, full first. */
    public static List<CompletedBackup> of(Map<Long, CompletedBackup> byId, long id) {
        List<CompletedBackup> chain = new ArrayList<>();
        for (CompletedBackup backup = find(byId, id); ; backup = find(byId, backup.parentId())) {
            chain.add(backup);
            if (backup.parentId() == null) {
                break;
            }
        }
        Collections.reverse(chain);
        return chain;
    }

    /** The chain of the latest full or delta taken at or before {@code target}; empty if there is none. */
    public static List<CompletedBackup> at(List<CompletedBackup> backups, Instant target) {
        Map<Long, CompletedBackup> byId = backups.stream().collect(Collectors.toMap(CompletedBackup::id, Function.identity()));
        Optional<CompletedBackup> latest = backups.stream()
                .filter(b -> b.type() == BackupType.FULL || b.type().isDelta())
                .filter(b -> !b.snapshotAt().isAfter(target))
                .max(Comparator.comparing(CompletedBackup::snapshotAt).thenComparing(CompletedBackup::id));
        return latest.map(b -> of(byId, b.id())).orElse(List.of());
    }

    private static CompletedBackup find(Map<Long, CompletedBackup> byId, long id) {
        CompletedBackup backup = byId.get(id);
        if (backup == null) {
            throw new IllegalStateException("backup " + id + " is needed by a chain but not in the catalogue");
        }
        return backup;
    }
}
