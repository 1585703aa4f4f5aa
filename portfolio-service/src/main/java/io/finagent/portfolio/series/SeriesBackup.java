package io.finagent.portfolio.series;

import io.finagent.platform.backup.BackedUpStore;
import io.finagent.platform.export.ExportFrames;
import io.finagent.platform.problem.ProblemException;
import io.finagent.portfolio.config.SeriesConfig;
import io.finagent.portfolio.repository.SeriesBacklogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The time series in portfolio-service's backups. A full export carries each series as QuestDB
 * exports it ({@code /exp}: CSV, DECIMAL values and timestamps as the store prints them); an
 * incremental one carries the points recorded since (series_backlog, a backed-up table). A
 * restore keeps the export's points, then the restored log's sent points, in series_restores and
 * asks, in its own transaction, for the store's series to be emptied; {@link SeriesFlusher} then
 * writes them back, then the log's unsent points, through the store's line protocol as it writes
 * any point. So the store ends with exactly the backup's points, and a failed restore leaves it
 * untouched.
 */
@ApplicationScoped
public class SeriesBackup implements BackedUpStore {

    private static final Logger LOG = Logger.getLogger(SeriesBackup.class);
    private static final String NAME = "series";
    private static final int BATCH = 10_000;

    private final SeriesConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SeriesBackup(SeriesConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void exportAll(ExportFrames.Writer frames) throws IOException {
        for (MarketSeries.Shape series : MarketSeries.SHAPES) {
            try (OutputStream out = frames.entry(NAME + "/" + series.table() + ".csv")) {
                exportTo(series, out);
            }
        }
    }

    /** The store's own CSV export of the series; nothing when the store has never had a point of it. */
    private void exportTo(MarketSeries.Shape series, OutputStream out) throws IOException {
        String query = "SELECT " + String.join(", ", series.columns()) + " FROM " + series.table();
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.httpUrl() + "/exp?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 200) {
                    body.transferTo(out);
                    return;
                }
                String error = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                if (!error.contains("table does not exist")) {
                    throw new IOException("QuestDB's export of " + series.table() + " answered " + response.statusCode() + ": " + error);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export of " + series.table() + " interrupted", e);
        }
    }

    @Override
    public void beforeRestore(Connection connection) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + SeriesBacklogRepository.FLUSH_LOCK + ")");
        }
    }

    @Override
    public long restore(Connection connection, String entry, InputStream data) throws SQLException, IOException {
        MarketSeries.Shape series = MarketSeries.SHAPES.stream().filter(s -> entry.equals(NAME + "/" + s.table() + ".csv")).findFirst()
                .orElseThrow(() -> ProblemException.invalid(entry, "names no series of this service; nothing was restored"));
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long points = 0;
        StringBuilder chunk = new StringBuilder();
        try (CSVParser rows = CSVParser.parse(new InputStreamReader(data, StandardCharsets.UTF_8), csv)) {
            for (CSVRecord record : rows) {
                Map<String, String> row = record.toMap();
                String line = series.line(row);
                if (line == null) {
                    continue;
                }
                CSVFormat.DEFAULT.printRecord(chunk, line, series.symbol(row));
                if (++points % BATCH == 0) {
                    copyIn(copy, chunk);
                }
            }
            copyIn(copy, chunk);
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeException e) {
            throw ProblemException.invalid(entry, "is not the store's CSV export of " + series.table() + " (" + e.getMessage() + "); nothing was restored");
        }
        return points;
    }

    /** The points of a chunk into series_restores, with COPY (a restore brings back every point the store had). */
    private static void copyIn(CopyManager copy, StringBuilder chunk) throws SQLException, IOException {
        if (!chunk.isEmpty()) {
            copy.copyIn("COPY series_restores (line, symbol) FROM STDIN WITH (FORMAT csv)", new StringReader(chunk.toString()));
            chunk.setLength(0);
        }
    }

    @Override
    public void restored(Connection connection, Set<String> entries) throws SQLException {
        boolean series = entries.stream().anyMatch(e -> e.startsWith("full/" + NAME + "/"));
        boolean log = entries.stream().anyMatch(e -> e.endsWith("/series_backlog.csv"));
        try (Statement statement = connection.createStatement()) {
            if (series) {
                // a restore that came before and was not sent yet is replaced by this one
                statement.execute("DELETE FROM series_restores WHERE restored_in <> pg_current_xact_id()");
                statement.execute("INSERT INTO series_resets DEFAULT VALUES");
                LOG.infof("restore: the store's series will be emptied and written again from the backup's export");
            }
            if (series || log) {
                // the restored log's sent points are written again after the export's, in the order they were recorded
                // (its unsent ones follow as any); a log from another cluster is this one's from now on, for the pruning
                statement.execute("INSERT INTO series_restores (line, symbol) SELECT line, symbol FROM series_backlog"
                        + " WHERE sent_at IS NOT NULL ORDER BY id");
                statement.execute("UPDATE series_backlog SET recorded_in = pg_current_xact_id() WHERE recorded_in > pg_current_xact_id()");
            }
        }
    }

    @Override
    public long pruneBefore(Connection connection, String snapshot) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM series_backlog WHERE sent_at IS NOT NULL AND pg_visible_in_snapshot(recorded_in, ?::pg_snapshot)")) {
            delete.setString(1, snapshot);
            long pruned = delete.executeLargeUpdate();
            LOG.infof("series log: %d sent points seen by snapshot %s pruned", pruned, snapshot);
            return pruned;
        }
    }
}
