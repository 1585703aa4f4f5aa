package io.finagent.cache.level;

import io.finagent.cache.config.CacheConfig;
import io.finagent.cache.domain.CachedValue;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * L2 while Redis does not answer (the seed's fallback): one file per key in this replica's
 * directory, named by the SHA-256 of the id, holding the id on its first line and the value as
 * Redis holds it on the second. Files are written to a temporary name and moved into place, so a
 * reader never sees half a value. All file work runs on worker threads.
 */
@ApplicationScoped
public class FileLevel {

    /** A stored entry: its id and value. */
    public record Entry(String id, CachedValue value) {
    }

    private final Path dir;

    public FileLevel(CacheConfig config) {
        this.dir = Path.of(config.fallbackDir());
    }

    public Uni<CachedValue> get(String id, Instant now) {
        return blocking(() -> {
            Entry entry = read(file(id));
            return entry == null || entry.value().expired(now) ? null : entry.value();
        });
    }

    public Uni<Void> put(String id, CachedValue value) {
        return blocking(() -> {
            Files.createDirectories(dir);
            Path target = file(id);
            Path temp = Files.createTempFile(dir, "write-", ".tmp");
            Files.writeString(temp, id + "\n" + RedisLevel.encode(value), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        });
    }

    public Uni<Void> remove(String id) {
        return blocking(() -> {
            Files.deleteIfExists(file(id));
            return null;
        });
    }

    public Uni<Integer> removeMatching(Pattern ids) {
        return blocking(() -> {
            int removed = 0;
            for (Path path : files()) {
                Entry entry = read(path);
                if (entry != null && ids.matcher(entry.id()).matches() && Files.deleteIfExists(path)) {
                    removed++;
                }
            }
            return removed;
        });
    }

    /** Every unexpired entry, and the directory emptied: what Redis takes over when it is back. */
    public Uni<List<Entry>> drain(Instant now) {
        return blocking(() -> {
            List<Entry> entries = new ArrayList<>();
            for (Path path : files()) {
                Entry entry = read(path);
                if (entry != null && !entry.value().expired(now)) {
                    entries.add(entry);
                }
                Files.deleteIfExists(path);
            }
            return entries;
        });
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".entry")).toList();
        }
    }

    private static Entry read(Path path) throws IOException {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new Entry(text.substring(0, newline), RedisLevel.decode(text.substring(newline + 1)));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private Path file(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + ".entry");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> Uni<T> blocking(IoWork<T> work) {
        Supplier<T> unchecked = () -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Uni.createFrom().item(unchecked).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
