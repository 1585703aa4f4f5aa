package io.finagent.system.fuzz;

import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running service under fuzz, and what it answered: the requests are sent as a user new to
 * the service, and every answer is checked as the edge promises (no 5xx; every error a problem+json
 * of its status; nothing stored behind an error: the user's rows counted before and after).
 */
public final class FuzzedService {

    private final String name;
    private final String url;
    private final TestDatabase db;
    private final String user;
    private final String userRows;
    private final boolean rowsExpire;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    /** {@code rowsExpire}: the service deletes a user's rows by itself (the cache, at their TTL), so only an added row tells. */
    public FuzzedService(String name, String url, String database, String user, boolean rowsExpire) {
        this.name = name;
        this.rowsExpire = rowsExpire;
        this.url = url;
        this.db = new TestDatabase(database);
        this.user = user;
        List<String> counts = new ArrayList<>();
        for (String table : db.strings("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND column_name = 'user_id' ORDER BY table_name")) {
            counts.add("(SELECT count(*) FROM " + table + " WHERE user_id = ?)");
        }
        if (db.tables().contains("outbox_events")) {
            counts.add("(SELECT count(*) FROM outbox_events WHERE position(? in payload::text) > 0)");
        }
        this.userRows = "SELECT " + (counts.isEmpty() ? "0" : String.join(" + ", counts));
    }

    /**
     * {@code count} requests drawn from {@code seed} for the operations the service documents now,
     * with a valid token of the user (an agent's, or an admin's), each sent and checked.
     */
    public void fuzz(long seed, int count) throws Exception {
        String document = http.send(HttpRequest.newBuilder(URI.create(url + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Operation> operations = new OpenApiDocument(document).operations();
        FuzzRequests requests = new FuzzRequests(Tokens.agent(user), Tokens.admin(user));
        Draws draws = new Draws(seed);
        for (int i = 0; i < count; i++) {
            send(requests.next(draws, operations));
        }
    }

    /** Sends one request and records whether the answer kept the edge's promises. */
    private void send(FuzzRequest request) throws IOException, InterruptedException {
        long before = rows();
        HttpResponse<String> response = http.send(request.toHttp(url), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        requests++;
        statuses.merge(status, 1, Integer::sum);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(status + " " + request + " -> " + cut(response.body()));
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            failures.add(status + " without a problem (" + contentType + ") " + request + " -> " + cut(response.body()));
        }
        if (status >= 400) {
            long after = rows();
            if (after > before || after < before && !rowsExpire) {
                failures.add(status + " and the user's rows went from " + before + " to " + after + ": " + request);
            }
        }
    }

    private long rows() {
        Object[] args = new Object[userRows.split("\\?", -1).length - 1];
        Arrays.fill(args, user);
        return db.count(userRows, args);
    }

    /** Requests, statuses, and each failure with the request that caused it. */
    public String report() {
        StringBuilder out = new StringBuilder(name + ": " + requests + " requests, statuses " + statuses + ", "
                + failures.size() + " failures");
        failures.stream().limit(50).forEach(f -> out.append("\n  ").append(f));
        return out.toString();
    }

    public List<String> failures() {
        return failures;
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
