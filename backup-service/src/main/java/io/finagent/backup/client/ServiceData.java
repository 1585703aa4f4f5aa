package io.finagent.backup.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.backup.config.BackupConfig;
import io.finagent.platform.performance.ServiceCalls;
import io.finagent.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The services' admin export and import (platform's ExportResource and ImportResource), over
 * HTTP with backup-service's token. Bodies stream: nothing of a service's data is held in memory.
 */
@ApplicationScoped
public class ServiceData {

    /** An export being read: the snapshot it was taken in, and its body of ExportFrames. */
    public record Export(String snapshot, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPORT = "/api/v1/backup/export";
    private static final String IMPORT = "/api/v1/backup/import";
    private static final String CONFIGURATION = "/api/v1/backup/configuration";
    private static final String CHANGES = "/api/v1/backup/changes";
    private static final String ARCHIVE = "/api/v1/backup/archive";

    private final BackupConfig config;
    private final ServiceCalls calls;

    public ServiceData(BackupConfig config, ServiceCalls calls) {
        this.config = config;
        this.calls = calls;
    }

    /**
     * Every exported row of {@code service}, or with {@code since} the rows changed and keys deleted
     * since that snapshot; {@code tables} null for all of its tables.
     */
    public Export export(String service, String since, List<String> tables) throws IOException, InterruptedException {
        List<String> query = new ArrayList<>();
        if (since != null) {
            query.add("since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        }
        if (tables != null) {
            query.add("tables=" + URLEncoder.encode(String.join(",", tables), StandardCharsets.UTF_8));
        }
        HttpResponse<InputStream> response = calls.read(request(service, EXPORT + (query.isEmpty() ? "" : "?" + String.join("&", query))).GET(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String problem = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException(service + " export answered " + response.statusCode() + ": " + problem);
        }
        String snapshot = response.headers().firstValue("X-Backup-Snapshot")
                .orElseThrow(() -> new IOException(service + " export named no snapshot"));
        return new Export(snapshot, response.body());
    }

    /** The service's effective configuration, as JSON (secrets masked by the service). */
    public byte[] configuration(String service) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = calls.read(request(service, CONFIGURATION).GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(service + " configuration answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** The rows of {@code table} whose {@code column} is before {@code before}, read in one snapshot: what the archiver moves. */
    public Export archiveRows(String service, String table, String column, Instant before) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = calls.read(request(service, ARCHIVE + archiveQuery(table, column, before)).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException(service + " archive read answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Export(response.headers().firstValue("X-Backup-Snapshot")
                .orElseThrow(() -> new IOException(service + " archive read named no snapshot")), response.body());
    }

    /** Removes the rows {@link #archiveRows} read, except those changed since its snapshot; returns how many left. */
    public long archiveRemove(String service, String table, String column, Instant before, String snapshot) throws IOException, InterruptedException {
        HttpResponse<String> response = calls.change(request(service, ARCHIVE + archiveQuery(table, column, before) + "&snapshot="
                + URLEncoder.encode(snapshot, StandardCharsets.UTF_8)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(service + " archive removal answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("deleted").asLong();
    }

    private static String archiveQuery(String table, String column, Instant before) {
        return "?table=" + URLEncoder.encode(table, StandardCharsets.UTF_8) + "&column=" + URLEncoder.encode(column, StandardCharsets.UTF_8)
                + "&before=" + before;
    }

    /** Drops the service's change log up to {@code snapshot}: no delta will start before it. */
    public void pruneChanges(String service, String snapshot) throws IOException, InterruptedException {
        HttpResponse<String> response = calls.change(request(service, CHANGES + "?before=" + URLEncoder.encode(snapshot, StandardCharsets.UTF_8))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(service + " change log answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Restores {@code service} from a body of full/ and delta/ entries; the service applies it in one transaction. */
    public String restore(String service, Supplier<InputStream> body) throws IOException, InterruptedException {
        HttpResponse<String> response = calls.change(request(service, IMPORT).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(service + " import answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String service, String path) {
        String base = config.services().get(service);
        if (base == null) {
            throw ProblemException.invalid("services", service + " is not a backed-up service; known: " + config.services().keySet());
        }
        try {
            return HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path))
                    .header("Authorization", "Bearer " + config.serviceToken());
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("finagent.backup.services." + service + " is not a URL: " + base));
        }
    }
}
