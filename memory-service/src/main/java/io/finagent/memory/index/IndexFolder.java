package io.finagent.memory.index;

import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where the index lives: the configured directory (a volume, kept across restarts), or, where none
 * is configured, a temporary folder that is removed when the index closes.
 */
final class IndexFolder implements Closeable {

    final Path path;
    final FSDirectory directory;
    private final boolean temporary;

    private IndexFolder(Path path, boolean temporary) throws IOException {
        this.path = path;
        this.temporary = temporary;
        Files.createDirectories(path);
        this.directory = FSDirectory.open(path);
    }

    static IndexFolder open(Optional<Path> configured) throws IOException {
        return configured.isPresent() ? new IndexFolder(configured.get(), false)
                : new IndexFolder(Files.createTempDirectory("finagent-recall-index-"), true);
    }

    @Override
    public void close() throws IOException {
        directory.close();
        if (temporary) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
