package io.finagent.backup.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which backups a retention policy keeps. As restic's {@code --keep-daily} and the like: for the
 * last n days (weeks from Monday, months) that have a backup, the newest of each, in UTC. Then
 * every backup a kept one depends on (its parents up to the full) is kept too, so a kept backup
 * stays restorable. Everything else may go.
 */
public final class Retention {

    private Retention() {
    }

    public static Set<Long> kept(List<CompletedBackup> backups, RetentionPolicy policy) {
        List<CompletedBackup> newestFirst = backups.stream()
                .sorted(Comparator.comparing(CompletedBackup::snapshotAt).thenComparing(CompletedBackup::id).reversed()).toList();
        Set<Long> kept = new HashSet<>();
        keepNewestPer(newestFirst, policy.daily(), day -> day, kept);
        keepNewestPer(newestFirst, policy.weekly(), day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), kept);
        keepNewestPer(newestFirst, policy.monthly(), day -> day.withDayOfMonth(1), kept);
        Map<Long, CompletedBackup> byId = new HashMap<>();
        backups.forEach(b -> byId.put(b.id(), b));
        for (Long id : List.copyOf(kept)) {
            kept.addAll(RestoreChain.of(byId, id).stream().map(CompletedBackup::id).toList());
        }
        return kept;
    }

    /** The newest backup of each of the last {@code periods} periods that have one. */
    private static void keepNewestPer(List<CompletedBackup> newestFirst, int periods, UnaryOperator<LocalDate> periodOf, Set<Long> kept) {
        Set<LocalDate> seen = new HashSet<>();
        for (CompletedBackup backup : newestFirst) {
            LocalDate period = periodOf.apply(LocalDate.ofInstant(backup.snapshotAt(), ZoneOffset.UTC));
            if (!seen.contains(period)) {
                if (seen.size() == periods) {
                    return;
                }
                seen.add(period);
                kept.add(backup.id());
            }
        }
    }
}
