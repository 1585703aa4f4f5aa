package io.finagent.backup.service;

import io.finagent.backup.archive.ArchiveException;
import io.finagent.backup.archive.ArchiveReader;
import io.finagent.backup.archive.BackupKeyring;
import io.finagent.backup.domain.Backup;
import io.finagent.platform.export.ExportFrames;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One reading of a restore's chain that feeds every service's import at once: each archive is
 * read, and so checked ({@link ArchiveReader#read}, then the file against the catalogue), once;
 * each entry goes to the import body of the service it belongs to (the full's as {@code full/},
 * each delta's as {@code delta/}); and the bodies get their end marker, which is each import's
 * commit, only once every archive of the chain has passed. A failing archive ends every body
 * without it, so every service rolls back. A service whose import stops is left out of the rest
 * of the reading ({@link #abandon}), so the others go on.
 */
final class ChainReading {

    private static final Logger LOG = Logger.getLogger(ChainReading.class);
    /**
     * How far the reading may run ahead of each service but the last in the archive's order (the
     * largest, BackupConfig#archivedLast): their data is taken into this buffer, and the reading
     * goes on to the last one's while they restore alongside it.
     */
    private static final int AHEAD = 32 << 20;

    /** The chain's check: empty once every archive passed, the first failure otherwise. */
    final CompletableFuture<Optional<ArchiveCheck>> verified = new CompletableFuture<>();

    private final List<Backup> chain;
    private final VerifyService verify;
    private final BackupKeyring keyring;
    private final Map<String, PipedInputStream> bodies = new LinkedHashMap<>();
    private final Map<String, PipedOutputStream> outs = new LinkedHashMap<>();
    private final Map<String, ExportFrames.Writer> frames = new LinkedHashMap<>();
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();

    private ChainReading(List<Backup> chain, List<String> services, VerifyService verify, BackupKeyring keyring) throws IOException {
        this.chain = chain;
        this.verify = verify;
        this.keyring = keyring;
        for (String service : services) {
            boolean last = service.equals(services.get(services.size() - 1));
            PipedInputStream in = new PipedInputStream(last ? 1 << 16 : AHEAD);
            PipedOutputStream out = new PipedOutputStream(in);
            bodies.put(service, in);
            outs.put(service, out);
            frames.put(service, new ExportFrames.Writer(out));
        }
    }

    static ChainReading start(List<Backup> chain, List<String> services, VerifyService verify, BackupKeyring keyring) throws IOException {
        ChainReading reading = new ChainReading(chain, services, verify, keyring);
        Thread reader = new Thread(reading::read, "restore-reading");
        reader.setDaemon(true);
        reader.start();
        return reading;
    }

    InputStream body(String service) {
        return bodies.get(service);
    }

    /** The service's import stopped reading its body: closed, so the reading goes on for the others. */
    void abandon(String service) {
        abandoned.add(service);
        try {
            bodies.get(service).close();
        } catch (IOException e) {
            LOG.debugf("closing %s's body: %s", service, e.getMessage());
        }
    }

    private void read() {
        try {
            for (Backup backup : chain) {
                String kind = backup.type.isDelta() ? "delta/" : "full/";
                ArchiveCheck check;
                try {
                    check = verify.of(backup, ArchiveReader.read(Path.of(backup.archivePath), keyring, (name, data) -> route(kind, name, data)));
                } catch (ArchiveException e) {
                    check = verify.failed(backup, e);
                }
                if (!check.passed()) {
                    verified.complete(Optional.of(check));
                    LOG.warnf("restore: backup %d fails its check (%s); every service rolls back", backup.id, check.detail());
                    return;
                }
            }
            verified.complete(Optional.empty());
            LOG.infof("restore: every archive of the chain verified");
            for (Map.Entry<String, ExportFrames.Writer> service : frames.entrySet()) {
                if (!abandoned.contains(service.getKey())) {
                    try {
                        service.getValue().finish();
                    } catch (IOException e) {
                        LOG.warnf("restore of %s: its end marker could not be sent (%s)", service.getKey(), e.getMessage());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "restore: reading the archives failed; every service rolls back");
        } finally {
            for (PipedOutputStream out : outs.values()) {
                try {
                    out.close();
                } catch (IOException e) {
                    LOG.debugf("closing a body: %s", e.getMessage());
                }
            }
        }
    }

    /** An entry {@code <service>/<table>.csv} to that service's body; the rest of the archive is only read. */
    private void route(String kind, String name, InputStream data) throws IOException {
        int slash = name.indexOf('/');
        String service = slash < 0 ? "" : name.substring(0, slash);
        ExportFrames.Writer writer = frames.get(service);
        if (writer == null || !name.endsWith(".csv") || abandoned.contains(service)) {
            return;
        }
        try (OutputStream entry = writer.entry(kind + name.substring(slash + 1))) {
            data.transferTo(entry);
        } catch (IOException stopped) {
            if (abandoned.add(service)) {
                LOG.warnf("restore of %s: its import stopped reading (%s)", service, stopped.getMessage());
            }
        }
    }
}
