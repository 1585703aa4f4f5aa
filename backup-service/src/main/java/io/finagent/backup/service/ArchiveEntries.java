package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveWriter;
import io.finagent.platform.export.ExportFrames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** A service's export body into an archive: each of its entries becomes {@code <service>/<name>}. */
final class ArchiveEntries {

    private ArchiveEntries() {
    }

    static void copy(String service, InputStream body, ArchiveWriter archive, LongConsumer bytesRead, Consumer<String> entryDone) throws IOException {
        ExportFrames.Reader frames = new ExportFrames.Reader(body);
        byte[] buffer = new byte[1 << 16];
        for (String name = frames.next(); name != null; name = frames.next()) {
            InputStream data = frames.data();
            try (OutputStream entry = archive.entry(service + "/" + name)) {
                for (int n = data.read(buffer); n != -1; n = data.read(buffer)) {
                    entry.write(buffer, 0, n);
                    bytesRead.accept(n);
                }
            }
            entryDone.accept(name);
        }
    }
}
