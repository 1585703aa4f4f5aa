package io.finagent.backup.archive;

import java.util.List;

/**
 * What an archive holds: its entries in order, each with its size before compression and the
 * SHA-256 of its bytes. Written last, inside the encrypted stream, and checked on every read.
 */
public record Manifest(List<Entry> entries) {

    public record Entry(String name, long bytes, String sha256) {
    }

    public long bytes() {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }
}
