package io.finagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** QuestDB over its HTTP API for the backup bench: line-protocol writes, counts, and its own CSV export and import (the baseline). */
final class QuestDbHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String url;

    QuestDbHttp(String url) {
        this.url = url;
    }

    /** Writes the lines (InfluxDB line protocol, nanoseconds) and empties the buffer. */
    void write(StringBuilder lines) throws IOException, InterruptedException {
        HttpResponse<String> written = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/write?precision=ns"))
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (written.statusCode() >= 300) {
            throw new IllegalStateException("QuestDB write: " + written.statusCode() + " " + written.body());
        }
        lines.setLength(0);
    }

    long count(String table) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(query("/exec", "SELECT count(*) FROM " + table));
        return answer.path("dataset").path(0).path(0).asLong();
    }

    String query(String endpoint, String sql) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + endpoint + "?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** QuestDB's own CSV export of a series (the baseline's dump of it). */
    void export(String table, Path file) throws IOException, InterruptedException {
        HttpResponse<Path> exported = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/exp?query="
                + URLEncoder.encode("SELECT * FROM " + table, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofFile(file));
        if (exported.statusCode() != 200) {
            throw new IllegalStateException("QuestDB export of " + table + ": " + exported.statusCode());
        }
    }

    /** QuestDB's own CSV import (the baseline's restore of a series), into a new table. */
    void importCsv(Path csv, String table) throws IOException, InterruptedException {
        String boundary = "bench" + System.nanoTime();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + table
                        + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/imp?name=" + table
                        + "&overwrite=true&timestamp=ts&partitionBy=DAY&fmt=json"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200 || imported.body().contains("\"status\":\"") && !imported.body().contains("\"status\":\"OK\"")) {
            throw new IllegalStateException("QuestDB import of " + table + ": " + imported.statusCode() + " " + imported.body());
        }
    }
}
