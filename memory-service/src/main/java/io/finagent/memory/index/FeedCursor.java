package io.finagent.memory.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far a replica has read a table by its identity column, when transactions commit out of id
 * order. Ids are taken before a row commits, so an id below the highest one read may still
 * arrive: each run of missing ids is a gap, read again at every poll until it cannot bring
 * anything more. It cannot once every transaction that could hold one of its ids has ended: the
 * gap is armed at the poll after it was seen (its writers have their transaction ids by then)
 * with that snapshot's xmax, and dropped at the first snapshot whose xmin has passed it. No
 * timeouts, no lost rows. A gap is a range, however wide (an identity restarted far ahead is
 * one gap), with the ids already found in it.
 */
public final class FeedCursor {

    private static final long UNARMED = -1;

    /** Missing ids {@code from..to}; {@code found}: those read since. */
    public record Gap(long from, long to, long armedAt, Set<Long> found) {
    }

    private long high;
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();

    public FeedCursor(long high) {
        this.high = high;
    }

    public long high() {
        return high;
    }

    /** The gaps below {@link #high()}, to be read again. */
    public List<Gap> gaps() {
        return new ArrayList<>(gaps.values());
    }

    /** True when the id has been read for good, or can never come (it is in no gap, or was found in one). */
    public boolean passed(long id) {
        if (id > high) {
            return false;
        }
        Map.Entry<Long, Gap> gap = gaps.floorEntry(id);
        return gap == null || id > gap.getValue().to() || gap.getValue().found().contains(id);
    }

    /**
     * One poll in one snapshot: the ids it found in gaps, then the new ids in ascending order.
     * {@code xmin} and {@code xmax} are the snapshot's (pg_snapshot_xmin / _xmax).
     */
    public void advance(List<Long> gapsFound, List<Long> ascendingNew, long xmin, long xmax) {
        for (long id : gapsFound) {
            Map.Entry<Long, Gap> gap = gaps.floorEntry(id);
            if (gap != null && id <= gap.getValue().to()) {
                gap.getValue().found().add(id);
            }
        }
        for (Iterator<Map.Entry<Long, Gap>> it = gaps.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Gap> entry = it.next();
            Gap gap = entry.getValue();
            if (gap.armedAt() == UNARMED) {
                entry.setValue(new Gap(gap.from(), gap.to(), xmax, gap.found()));
            } else if (gap.armedAt() <= xmin) {
                it.remove();
            }
        }
        for (long id : ascendingNew) {
            if (id > high + 1) {
                gaps.put(high + 1, new Gap(high + 1, id - 1, UNARMED, new TreeSet<>()));
            }
            high = Math.max(high, id);
        }
    }

    /** {@code high}, then each gap as {@code from-to:armedAt} and its found ids as {@code :id|id}, for the index's commit data. */
    public String encode() {
        StringBuilder out = new StringBuilder(Long.toString(high));
        for (Gap gap : gaps.values()) {
            out.append(',').append(gap.from()).append('-').append(gap.to()).append(':').append(gap.armedAt());
            if (!gap.found().isEmpty()) {
                out.append(':').append(String.join("|", gap.found().stream().map(String::valueOf).toList()));
            }
        }
        return out.toString();
    }

    public static FeedCursor decode(String encoded) {
        String[] parts = encoded.split(",");
        FeedCursor cursor = new FeedCursor(Long.parseLong(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            String[] fields = parts[i].split(":");
            int dash = fields[0].indexOf('-');
            long from = Long.parseLong(fields[0].substring(0, dash));
            Set<Long> found = new TreeSet<>();
            if (fields.length > 2) {
                for (String id : fields[2].split("\\|")) {
                    found.add(Long.parseLong(id));
                }
            }
            cursor.gaps.put(from, new Gap(from, Long.parseLong(fields[0].substring(dash + 1)), Long.parseLong(fields[1]), found));
        }
        return cursor;
    }
}
