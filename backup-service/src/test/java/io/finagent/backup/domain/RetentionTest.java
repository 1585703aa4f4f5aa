package io.finagent.backup.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grandfather-father-son over a simulated year of daily backups, and the chains a restore applies. */
class RetentionTest {

    /** 7 daily, 4 weekly (weeks from Monday; 2026-12-28 is one), 12 monthly, for backups every day of 2026. */
    private static final Set<String> GFS_2026 = new TreeSet<>(List.of(
            "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31",
            "2026-12-20", "2026-12-13",
            "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
            "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30"));

    @Test
    void aYearOfDailyFullsKeepsExactlyTheGrandfatherFatherSonSet() {
        List<CompletedBackup> year = year(day -> null);
        assertEquals(GFS_2026, dates(year, Retention.kept(year, RetentionPolicy.SEED)));
    }

    @Test
    void aYearOfWeeklyFullsAndDailyIncrementalsKeepsTheSetAndEveryChainItNeeds() {
        List<CompletedBackup> year = year(day -> day.getDayOfWeek() == DayOfWeek.SUNDAY ? null : id(day.minusDays(1)));
        Set<Long> kept = Retention.kept(year, RetentionPolicy.SEED);
        Map<Long, CompletedBackup> keptById = year.stream().filter(b -> kept.contains(b.id()))
                .collect(Collectors.toMap(CompletedBackup::id, Function.identity()));

        assertTrue(dates(year, kept).containsAll(GFS_2026));
        for (CompletedBackup backup : keptById.values()) {
            List<CompletedBackup> chain = RestoreChain.of(keptById, backup.id()); // throws if a part was deleted
            assertEquals(BackupType.FULL, chain.get(0).type());
        }
        // nothing else: each kept backup is a GFS pick or a parent of a kept one
        Set<Long> parents = keptById.values().stream().filter(b -> b.parentId() != null).map(CompletedBackup::parentId).collect(Collectors.toSet());
        for (CompletedBackup backup : keptById.values()) {
            assertTrue(GFS_2026.contains(date(backup)) || parents.contains(backup.id()), date(backup));
        }
        // e.g. the Monday-to-Saturday incrementals of a month's last week stay with the Sunday full they build on
        assertTrue(dates(year, kept).containsAll(List.of("2026-01-25", "2026-01-26", "2026-01-31")));
        assertTrue(!dates(year, kept).contains("2026-01-24"));
    }

    @Test
    void aPointInTimePicksTheChainOfTheLatestBackupAtOrBeforeIt() {
        Instant t0 = Instant.parse("2026-03-01T02:00:00Z");
        CompletedBackup full = new CompletedBackup(1, BackupType.FULL, null, t0);
        CompletedBackup inc2 = new CompletedBackup(2, BackupType.INCREMENTAL, 1L, t0.plusSeconds(86_400));
        CompletedBackup inc3 = new CompletedBackup(3, BackupType.INCREMENTAL, 2L, t0.plusSeconds(2 * 86_400));
        CompletedBackup diff4 = new CompletedBackup(4, BackupType.DIFFERENTIAL, 1L, t0.plusSeconds(3 * 86_400));
        CompletedBackup inc5 = new CompletedBackup(5, BackupType.INCREMENTAL, 4L, t0.plusSeconds(4 * 86_400));
        CompletedBackup config = new CompletedBackup(6, BackupType.CONFIGURATION, null, t0.plusSeconds(3 * 86_400 + 60));
        List<CompletedBackup> all = List.of(full, inc2, inc3, diff4, inc5, config);

        assertEquals(List.of(), RestoreChain.at(all, t0.minusSeconds(1)));
        assertEquals(List.of(full), RestoreChain.at(all, t0));
        assertEquals(List.of(full, inc2, inc3), RestoreChain.at(all, t0.plusSeconds(2 * 86_400 + 3_600)));
        assertEquals(List.of(full, diff4), RestoreChain.at(all, t0.plusSeconds(3 * 86_400 + 3_600)));
        assertEquals(List.of(full, diff4, inc5), RestoreChain.at(all, Instant.parse("2030-01-01T00:00:00Z")));
    }

    /** One backup at 02:00 UTC each day of 2026, its id the day of the year; {@code parent} gives a delta's parent. */
    private static List<CompletedBackup> year(Function<LocalDate, Long> parent) {
        List<CompletedBackup> backups = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            Long parentId = day.getDayOfYear() == 1 ? null : parent.apply(day);
            backups.add(new CompletedBackup(id(day), parentId == null ? BackupType.FULL : BackupType.INCREMENTAL, parentId,
                    day.atTime(2, 0).toInstant(ZoneOffset.UTC)));
        }
        return backups;
    }

    private static long id(LocalDate day) {
        return day.getDayOfYear();
    }

    private static String date(CompletedBackup backup) {
        return LocalDate.ofInstant(backup.snapshotAt(), ZoneOffset.UTC).toString();
    }

    private static Set<String> dates(List<CompletedBackup> backups, Set<Long> ids) {
        return backups.stream().filter(b -> ids.contains(b.id())).map(RetentionTest::date).collect(Collectors.toCollection(TreeSet::new));
    }
}
