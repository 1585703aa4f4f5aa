package io.finagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * backup-service against pg_dump / pg_restore on the same memory-service database, in one run:
 * full backup time against {@code pg_dump -Fc} (alternating), the size of an incremental after
 * 1 % of the rows changed against the full's, restore time against {@code pg_restore} into an
 * empty database (the baselines first, then the restores, each on a machine with nothing else running). Run by {@code bin/bench backup}, which seeds and starts both services.
 */
public final class BackupBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String backupUrl;
    private final String memoryUrl;
    private final String token;
    private final String database;
    private final Path work;

    private BackupBench(String backupUrl, String memoryUrl, String token, String database, Path work) {
        this.backupUrl = backupUrl;
        this.memoryUrl = memoryUrl;
        this.token = token;
        this.database = database;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: <backup-url> <memory-url> <admin-token> <database> <work-dir> <runs>");
        }
        new BackupBench(args[0], args[1], args[2], args[3], Path.of(args[4])).run(Integer.parseInt(args[5]));
    }

    private void run(int runs) throws Exception {
        Files.createDirectories(work);
        long rows = count("SELECT count(*) FROM decision_history");
        long bytes = count("SELECT pg_database_size(current_database())");
        System.out.printf("data: %,d decisions, database %,d MB%n", rows, bytes >> 20);
        List<Long> dumpNanos = new ArrayList<>();
        List<Long> fullNanos = new ArrayList<>();
        JsonNode full = null;
        Path dump = work.resolve("memory.dump");
        for (int i = 0; i < runs; i++) {
            dumpNanos.add(timed(() -> exec("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), database)));
            long[] took = new long[1];
            full = backup("FULL", took);
            fullNanos.add(took[0]);
            System.out.printf("run %d: pg_dump %.1f s (%,d MB), full backup %.1f s (%,d MB)%n", i + 1, dumpNanos.get(i) / 1e9,
                    Files.size(dump) >> 20, took[0] / 1e9, full.get("sizeBytes").asLong() >> 20);
        }

        long changed = count("WITH c AS (UPDATE decision_history SET confidence = 0.51 WHERE id % 100 = 7 RETURNING 1) SELECT count(*) FROM c");
        JsonNode incremental = backup("INCREMENTAL", new long[1]);
        double incrementalShare = incremental.get("sizeBytes").asDouble() / full.get("sizeBytes").asDouble();
        System.out.printf("changed %,d rows (1 %%): incremental %,d bytes, full %,d bytes%n", changed,
                incremental.get("sizeBytes").asLong(), full.get("sizeBytes").asLong());

        List<Long> pgRestoreNanos = new ArrayList<>();
        List<Long> restoreNanos = new ArrayList<>();
        String scratch = database + "_restored";
        // the baselines first, while nothing else runs: each restore of ours sets memory-service
        // rebuilding its recall index (minutes at 1M), which the next run must not share the cores with
        for (int i = 0; i < runs; i++) {
            exec("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", scratch);
            exec("createdb", "-h", "127.0.0.1", "-U", "postgres", scratch);
            pgRestoreNanos.add(timed(() -> exec("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", scratch, dump.toString())));
            System.out.printf("run %d: pg_restore %.1f s%n", i + 1, pgRestoreNanos.get(i) / 1e9);
        }
        long fullId = full.get("id").asLong();
        for (int i = 0; i < runs; i++) {
            awaitRecallIndex();
            restoreNanos.add(timed(() -> post("/api/v1/restores", "{\"backupId\": " + fullId + "}")));
            System.out.printf("run %d: restore %.1f s%n", i + 1, restoreNanos.get(i) / 1e9);
        }
        exec("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", scratch);

        double dumpMs = Stats.ofNanos(dumpNanos).median();
        double fullMs = Stats.ofNanos(fullNanos).median();
        double pgRestoreMs = Stats.ofNanos(pgRestoreNanos).median();
        double restoreMs = Stats.ofNanos(restoreNanos).median();
        System.out.println();
        System.out.println(new Table("measure (median of " + runs + ")", "backup-service", "baseline", "ratio", "target")
                .row("full backup, s", fullMs / 1000, String.format("%.2f (pg_dump -Fc)", dumpMs / 1000), fullMs / dumpMs, "≤ 1.0")
                .row("incremental after 1 % changed, MB", incremental.get("sizeBytes").asDouble() / (1 << 20),
                        String.format("%.2f (full)", full.get("sizeBytes").asDouble() / (1 << 20)), incrementalShare, "≤ 0.03")
                .row("restore, s", restoreMs / 1000, String.format("%.2f (pg_restore)", pgRestoreMs / 1000), restoreMs / pgRestoreMs, "≤ 1.2"));
    }

    private JsonNode backup(String type, long[] took) throws Exception {
        long started = System.nanoTime();
        long id = JSON.readTree(post("/api/v1/backups", "{\"type\": \"" + type + "\"}")).get("id").asLong();
        while (true) {
            JsonNode backup = JSON.readTree(get(backupUrl + "/api/v1/backups/" + id));
            String status = backup.get("status").asText();
            if (status.equals("COMPLETED")) {
                took[0] = System.nanoTime() - started;
                return backup;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("backup " + id + " failed: " + backup.get("error").asText());
            }
            Thread.sleep(50);
        }
    }

    /** The restore rebuilds memory-service's recall index in the background: wait, so it does not share the cores with the next run. */
    private void awaitRecallIndex() throws Exception {
        Thread.sleep(1000); // the index learns of a restore at its next poll (every 200 ms): until then it still says ready
        while (!JSON.readTree(get(memoryUrl + "/api/v1/admin/recall-index")).get("state").asText().equals("ready")) {
            Thread.sleep(500);
        }
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(backupUrl + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return System.nanoTime() - started;
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
