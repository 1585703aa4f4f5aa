package io.finagent.memory.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a replica has read a table by its identity column, when transactions commit out of id
 * order. Ids are taken before a row commits, so an id below the highest one read may still
 * arrive: each missing id is a gap, read again at every poll until it is found or cannot come
 * any more. It cannot once every transaction that could hold it has ended: the gap is armed at the
 * poll after it was seen (its writer has its transaction id by then) with that snapshot's xmax,
 * and dropped at the first snapshot whose xmin has passed it. No timeouts, no lost rows.
 */
public final class FeedCursor {

    private static final long UNARMED = -1;

    private long high;
    private final Map<Long, Long> gaps = new TreeMap<>();

    public FeedCursor(long high) {
        this.high = high;
    }

    public long high() {
        return high;
    }

    /** Ids below {@link #high()} still to be read again. */
    public List<Long> gaps() {
        return new ArrayList<>(gaps.keySet());
    }

    /** True when an id at or below the high mark has been read for good (it is no gap). */
    public boolean passed(long id) {
        return id <= high && !gaps.containsKey(id);
    }

    /**
     * One poll in one snapshot: the gaps it found, then the new ids in ascending order.
     * {@code xmin} and {@code xmax} are the snapshot's (pg_snapshot_xmin / _xmax).
     */
    public void advance(List<Long> gapsFound, List<Long> ascendingNew, long xmin, long xmax) {
        gapsFound.forEach(gaps::remove);
        gaps.replaceAll((id, armedAt) -> armedAt == UNARMED ? xmax : armedAt);
        gaps.values().removeIf(armedAt -> armedAt <= xmin);
        for (long id : ascendingNew) {
            for (long missing = high + 1; missing < id; missing++) {
                gaps.put(missing, UNARMED);
            }
            high = Math.max(high, id);
        }
    }

    /** {@code high} then each gap as {@code id:armedAt}, for the index's commit data. */
    public String encode() {
        StringBuilder out = new StringBuilder(Long.toString(high));
        gaps.forEach((id, armedAt) -> out.append(',').append(id).append(':').append(armedAt));
        return out.toString();
    }

    public static FeedCursor decode(String encoded) {
        String[] parts = encoded.split(",");
        FeedCursor cursor = new FeedCursor(Long.parseLong(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            cursor.gaps.put(Long.parseLong(parts[i].substring(0, colon)), Long.parseLong(parts[i].substring(colon + 1)));
        }
        return cursor;
    }
}
