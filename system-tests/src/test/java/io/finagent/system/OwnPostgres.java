package io.finagent.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, made with the machine's {@code initdb} and run with its
 * {@code pg_ctl} on a free port, so that the test may stop and start it while the machine's server
 * is left alone. {@code initdb} refuses to run as root: as root, every command runs as the
 * {@code postgres} system user ({@code runuser}). Trust authentication on 127.0.0.1 only.
 */
final class OwnPostgres implements AutoCloseable {

    private static final Path BINARIES = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path data;
    private final Path log;
    private final int port;

    private OwnPostgres(Path bin, Path data, Path log, int port) {
        this.bin = bin;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    static OwnPostgres start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("finagent-own-postgres-");
        home.toFile().setWritable(true, false);
        home.toFile().setExecutable(true, false);
        OwnPostgres postgres = new OwnPostgres(binaries(), home.resolve("data"), home.resolve("server.log"), RunningService.freePort());
        postgres.run("initdb", "-D", postgres.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        postgres.up();
        return postgres;
    }

    int port() {
        return port;
    }

    /**
     * A crash and a restart: stopped without a checkpoint ({@code -m immediate}, so the start
     * replays the WAL), every connection dropped, away for {@code downMillis}.
     */
    void restart(long downMillis) throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        Thread.sleep(downMillis);
        up();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void up() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "start",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data.getParent()
                        + " -c max_connections=300");
    }

    private void run(String command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.add(bin.resolve(command).toString());
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output
                    + (Files.exists(log) ? "\nserver log: " + Files.readString(log) : ""));
        }
    }

    /** The newest PostgreSQL installed the Debian way ({@code /usr/lib/postgresql/<version>/bin}). */
    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(BINARIES)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + BINARIES));
        }
    }
}
