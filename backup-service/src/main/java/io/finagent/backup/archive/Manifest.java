package io.finagent.backup.archive;

import java.util.List;
import java.util.Map;

/**
 * What an archive holds: its entries in order, each with its size before compression and the
 * SHA-256 of its bytes; and what it is ({@code about}, given by the writer: for a backup its id,
 * type, parent, services, watermarks and snapshot, so that a lost catalogue can be rebuilt from the
 * archives alone; null in archives written before 2026-12-04). Written last, inside the sealed
 * stream, and checked on every read.
 */
public record Manifest(List<Entry> entries, Map<String, Object> about) {

    public record Entry(String name, long bytes, String sha256) {
    }

    public long bytes() {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }
}
