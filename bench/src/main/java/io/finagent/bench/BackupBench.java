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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * backup-service against pg_dump / pg_restore and QuestDB's own export and import, on the same
 * memory- and portfolio-service databases and time series, in one run: full backup time against
 * {@code pg_dump -Fc} of both databases plus QuestDB's CSV export ({@code /exp}) of both series
 * (alternating), the size of an incremental after 1 % of the decisions changed against the
 * full's, restore time (until the series are written back too) against {@code pg_restore} into
 * empty databases plus QuestDB's CSV import ({@code /imp}) into new tables (the baselines first,
 * then the restores, each on a machine with nothing else running). Run by {@code bin/bench
 * backup}, which seeds and starts the services.
 */
public final class BackupBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final int PRICES = 200_000;
    private static final int VALUATIONS = 50_000;
    private static final List<String> SERIES = List.of("prices", "portfolio_values");

    private final String backupUrl;
    private final String memoryUrl;
    private final String portfolioUrl;
    private final QuestDbHttp questDb;
    private final String token;
    private final String agentToken;
    private final String database;
    private final String portfolioDatabase;
    private final Path work;

    private BackupBench(String[] args) {
        this.backupUrl = args[0];
        this.memoryUrl = args[1];
        this.portfolioUrl = args[2];
        this.questDb = new QuestDbHttp(args[3]);
        this.token = args[4];
        this.agentToken = args[5];
        this.database = args[6];
        this.portfolioDatabase = args[7];
        this.work = Path.of(args[8]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 10) {
            throw new IllegalArgumentException("usage: <backup-url> <memory-url> <portfolio-url> <questdb-url> <admin-token> <agent-token>"
                    + " <memory-database> <portfolio-database> <work-dir> <runs>");
        }
        new BackupBench(args).run(Integer.parseInt(args[9]));
    }

    private void run(int runs) throws Exception {
        Files.createDirectories(work);
        seedSeries();
        long rows = count(database, "SELECT count(*) FROM decision_history");
        long bytes = count(database, "SELECT pg_database_size(current_database())");
        System.out.printf("data: %,d decisions, database %,d MB; series: %s prices, %s valuations (QuestDB)%n", rows, bytes >> 20,
                questDb.count("prices"), questDb.count("portfolio_values"));
        List<Long> dumpNanos = new ArrayList<>();
        List<Long> fullNanos = new ArrayList<>();
        JsonNode full = null;
        Path dump = work.resolve("memory.dump");
        Path portfolioDump = work.resolve("portfolio.dump");
        for (int i = 0; i < runs; i++) {
            dumpNanos.add(timed(() -> {
                exec("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), database);
                exec("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", portfolioDump.toString(), portfolioDatabase);
                for (String series : SERIES) {
                    questDb.export(series, work.resolve(series + ".csv"));
                }
            }));
            long[] took = new long[1];
            full = backup("FULL", took);
            fullNanos.add(took[0]);
            System.out.printf("run %d: pg_dump + QuestDB export %.1f s (%,d MB), full backup %.1f s (%,d MB)%n", i + 1, dumpNanos.get(i) / 1e9,
                    (Files.size(dump) + Files.size(portfolioDump) + Files.size(work.resolve("prices.csv")) + Files.size(work.resolve("portfolio_values.csv"))) >> 20,
                    took[0] / 1e9, full.get("sizeBytes").asLong() >> 20);
        }

        long changed = count(database, "WITH c AS (UPDATE decision_history SET confidence = 0.51 WHERE id % 100 = 7 RETURNING 1) SELECT count(*) FROM c");
        JsonNode incremental = backup("INCREMENTAL", new long[1]);
        double incrementalShare = incremental.get("sizeBytes").asDouble() / full.get("sizeBytes").asDouble();
        System.out.printf("changed %,d rows (1 %%): incremental %,d bytes, full %,d bytes%n", changed,
                incremental.get("sizeBytes").asLong(), full.get("sizeBytes").asLong());

        List<Long> pgRestoreNanos = new ArrayList<>();
        List<Long> restoreNanos = new ArrayList<>();
        String scratch = database + "_restored";
        String portfolioScratch = portfolioDatabase + "_restored";
        // the baselines first, while nothing else runs: each restore of ours sets memory-service
        // rebuilding its recall index (minutes at 1M), which the next run must not share the cores with
        for (int i = 0; i < runs; i++) {
            for (String db : List.of(scratch, portfolioScratch)) {
                exec("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", db);
                exec("createdb", "-h", "127.0.0.1", "-U", "postgres", db);
            }
            pgRestoreNanos.add(timed(() -> {
                exec("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", scratch, dump.toString());
                exec("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", portfolioScratch, portfolioDump.toString());
                for (String series : SERIES) {
                    questDb.importCsv(work.resolve(series + ".csv"), "bench_restored_" + series);
                }
            }));
            System.out.printf("run %d: pg_restore + QuestDB import %.1f s%n", i + 1, pgRestoreNanos.get(i) / 1e9);
        }
        long fullId = full.get("id").asLong();
        for (int i = 0; i < runs; i++) {
            awaitRecallIndex();
            restoreNanos.add(timed(() -> {
                post("/api/v1/restores", "{\"backupId\": " + fullId + "}");
                awaitSeriesWritten();
            }));
            System.out.printf("run %d: restore %.1f s (series written back: %s prices)%n", i + 1, restoreNanos.get(i) / 1e9, questDb.count("prices"));
        }
        for (String db : List.of(scratch, portfolioScratch)) {
            exec("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", db);
        }
        for (String series : SERIES) {
            questDb.query("/exec", "DROP TABLE IF EXISTS bench_restored_" + series);
        }

        double dumpMs = Stats.ofNanos(dumpNanos).median();
        double fullMs = Stats.ofNanos(fullNanos).median();
        double pgRestoreMs = Stats.ofNanos(pgRestoreNanos).median();
        double restoreMs = Stats.ofNanos(restoreNanos).median();
        System.out.println();
        System.out.println(new Table("measure (median of " + runs + ")", "backup-service", "baseline", "ratio", "target")
                .row("full backup, s", fullMs / 1000, String.format("%.2f (pg_dump -Fc + /exp)", dumpMs / 1000), fullMs / dumpMs, "≤ 1.0")
                .row("incremental after 1 % changed, MB", incremental.get("sizeBytes").asDouble() / (1 << 20),
                        String.format("%.2f (full)", full.get("sizeBytes").asDouble() / (1 << 20)), incrementalShare, "≤ 0.03")
                .row("restore, s", restoreMs / 1000, String.format("%.2f (pg_restore + /imp)", pgRestoreMs / 1000), restoreMs / pgRestoreMs, "≤ 1.2"));
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

    private long count(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The series of a trading history: one price through the service (which creates the tables
     * with their DECIMAL columns), then prices of 50 symbols and valuations of 10 portfolios, a
     * minute apart, by QuestDB's line protocol over HTTP, as the service writes them.
     */
    private void seedSeries() throws Exception {
        HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(URI.create(portfolioUrl + "/api/v1/prices"))
                .header("Authorization", "Bearer " + agentToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"at\": \"2026-01-01T00:00:00Z\", \"prices\": [{\"symbol\": \"B00\", \"price\": 100}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("a price: " + first.statusCode() + " " + first.body());
        }
        awaitSeriesWritten();
        long start = Instant.parse("2026-01-01T00:01:00Z").toEpochMilli() * 1_000_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < PRICES; i++) {
            lines.append(String.format("prices,symbol=B%02d,owner=bench price=\"%d.%08d\" %d%n", i % 50, 100 + i % 37, i, start + (i / 50) * 60_000_000_000L));
            if (lines.length() > (4 << 20)) {
                questDb.write(lines);
            }
        }
        for (int i = 0; i < VALUATIONS; i++) {
            lines.append(String.format("portfolio_values,portfolio=%d value=\"%d.%08d\",cash=\"%d.00000000\" %d%n", i % 10, 10_000 + i % 501, i,
                    5_000 + i % 7, start + (i / 10) * 60_000_000_000L));
            if (lines.length() > (4 << 20)) {
                questDb.write(lines);
            }
        }
        questDb.write(lines);
        while (questDb.count("prices") < PRICES || questDb.count("portfolio_values") < VALUATIONS) {
            Thread.sleep(500); // QuestDB applies its write-ahead log a moment later
        }
    }

    /** Every point recorded and every point a restore brought back is written to QuestDB. */
    private void awaitSeriesWritten() throws Exception {
        while (count(portfolioDatabase, "SELECT (SELECT count(*) FROM series_backlog WHERE sent_at IS NULL)"
                + " + (SELECT count(*) FROM series_restores) + (SELECT count(*) FROM series_resets)") > 0) {
            Thread.sleep(100);
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
