package io.finagent.platform.contracts;

import io.agroal.api.AgroalDataSource;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.testing.ChunkedBodies;
import io.finagent.platform.testing.TestDatabase;
import io.finagent.platform.testing.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operational surface every service has from its first day: readiness that really probes
 * its stores, Prometheus metrics, OpenAPI and Swagger UI, all open without a token; every API
 * call closed without one; and the body limit on every operation.
 */
public abstract class ServiceEndpointsContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Inject
    Pool pool;

    @Inject
    AgroalDataSource dataSource;

    /** Names of the readiness checks this service must report UP (its database, broker, Redis). */
    protected abstract List<String> readinessChecks();

    /** The service's tables in monthly partitions (docs/partitions.md). */
    protected List<String> monthlyTables() {
        return List.of();
    }

    @Test
    void readinessProbesEveryStoreAndIsUp() {
        // another test may just have restarted the broker: readiness is rightly DOWN until clients reconnect
        await().atMost(Duration.ofSeconds(60)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        var ready = given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String check : readinessChecks()) {
            ready.body("checks.findAll { it.status == 'UP' }.name", hasItem(containsString(check)));
        }
    }

    /**
     * Neither pool lets PostgreSQL compile plans (a platform default, docs/deploy.md; the server's
     * default is on): a generic plan over a million rows compiled ~70 functions a run, 0.5-1.4 s on
     * two busy cores, which was how late memory-service's replicas saw each other's decisions.
     */
    @Test
    void noConnectionCompilesPlans() throws Exception {
        assertEquals("off", pool.query("SHOW jit").execute().await().indefinitely().iterator().next().getString(0), "the reactive pool");
        try (Connection c = dataSource.getConnection(); Statement show = c.createStatement(); ResultSet rs = show.executeQuery("SHOW jit")) {
            rs.next();
            assertEquals("off", rs.getString(1), "the JDBC pool");
        }
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("process_uptime_seconds"));
    }

    /** The effective configuration, for admins only: each value with the source it came from, secrets masked. */
    @Test
    void adminsSeeTheEffectiveConfigurationWithEachValuesSource() {
        given().header("Authorization", Tokens.bearer(Tokens.admin("ops"))).get("/api/v1/admin/configuration").then().statusCode(200)
                .body("'quarkus.datasource.username'.value", startsWith("finagent_"))
                .body("'quarkus.datasource.username'.source", containsString("application.properties"))
                .body("'finagent.db.name'.value", endsWith("_test"));
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent"))).get("/api/v1/admin/configuration").then().statusCode(403);
    }

    /**
     * The performance report and the index advice, for admins only: a request count is the one the
     * server's timer gives Prometheus, a table's size the one PostgreSQL gives, and the report's
     * table sizes are gauges too.
     */
    @Test
    void adminsSeeThePerformanceReportAndTheIndexAdvice() {
        String admin = Tokens.bearer(Tokens.admin("ops"));
        String endpoint = "/api/v1/admin/configuration";
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", admin).get(endpoint).then().statusCode(200);
        }
        var report = given().header("Authorization", admin).get("/api/v1/admin/performance-report").then().statusCode(200)
                .body("database.queries.statementStatistics", equalTo(true))
                .extract().jsonPath();
        String timer = "requests.find { it.uri == '" + endpoint + "' && it.status == '200' }";
        assertTrue(report.getDouble(timer + ".p95Ms") > 0, report.prettify());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher count = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"" + Pattern.quote(endpoint) + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        double scraped = 0;
        while (count.find()) {
            scraped += count.group(0).contains("status=\"200\"") && count.group(0).contains("method=\"GET\"") ? Double.parseDouble(count.group(1)) : 0;
        }
        assertEquals(scraped, report.getLong(timer + ".count"), "the timer Prometheus scrapes");

        String database = ConfigProvider.getConfig().getValue("finagent.db.name", String.class);
        long bytes = new TestDatabase(database).count("SELECT pg_total_relation_size('flyway_schema_history')");
        assertEquals(bytes, report.getLong("database.tables.find { it.table == 'flyway_schema_history' }.bytes"));
        Pattern gauge = Pattern.compile("(?m)^finagent_database_table_bytes\\{database=\"" + Pattern.quote(database) + "\",table=\"flyway_schema_history\"} (\\S+)$");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Matcher m = gauge.matcher(given().get("/q/metrics").then().extract().asString());
            return m.find() && Double.parseDouble(m.group(1)) == bytes;
        });

        given().header("Authorization", admin).get("/api/v1/admin/index-advice").then().statusCode(200)
                .body("statementStatistics", equalTo(true)).body("hypotheticalIndexes", equalTo(true));
        String agent = Tokens.bearer(Tokens.agent("agent"));
        given().header("Authorization", agent).get("/api/v1/admin/performance-report").then().statusCode(403);
        given().header("Authorization", agent).get("/api/v1/admin/index-advice").then().statusCode(403);
        given().header("Authorization", admin).contentType("application/json").body("{\"table\": \"nope\", \"columns\": [\"id\"]}")
                .post("/api/v1/admin/index-advice/indexes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("table"));
    }

    @Test
    void adminsSeeEveryMonthlyTableWithItsMonthsAhead() {
        String admin = Tokens.bearer(Tokens.admin("ops"));
        var tables = given().header("Authorization", admin).get("/api/v1/admin/partitions").then().statusCode(200).extract().jsonPath();
        assertEquals(monthlyTables(), tables.getList("table"));
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        for (String table : monthlyTables()) {
            List<String> names = tables.getList("find { it.table == '" + table + "' }.partitions.name");
            for (int month = 0; month <= 3; month++) { // finagent.partitions.months-ahead
                assertTrue(names.contains(io.finagent.platform.partitions.Partitions.name(table, now.plusMonths(month))), table + ": " + names);
            }
            assertTrue(names.contains(table + "_default"), table + ": " + names);
            assertTrue(java.util.regex.Pattern.compile("finagent_partitions_months_ahead\\{[^}]*table=\"" + table + "\"[^}]*} 3\\.0")
                    .matcher(given().get("/q/metrics").then().extract().asString()).find(), "the gauge of " + table);
        }
        given().header("Authorization", Tokens.bearer(Tokens.agent("agent"))).get("/api/v1/admin/partitions").then().statusCode(403);
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /** The seed's database-size and slow-query alerts read these two gauges of the service's own database. */
    @Test
    void metricsTellTheDatabaseSizeAndTheStatementsRunningOverASecond() {
        String database = ConfigProvider.getConfig().getValue("finagent.db.name", String.class);
        TestDatabase db = new TestDatabase(database);
        long size = db.count("SELECT pg_database_size(current_database())");
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("finagent_database_size_bytes", database) > 0);
        double reported = gauge("finagent_database_size_bytes", database);
        assertTrue(reported > size / 2.0 && reported < size * 2.0, "size " + reported + " against " + size);

        // as the service's own role: the gauge counts the service's statements (other roles' are hidden from it)
        String role = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> db.as(role).execute("SELECT pg_sleep(6)"));
        try {
            await().atMost(Duration.ofSeconds(6)).until(() -> gauge("finagent_database_slow_queries", database) >= 1);
        } finally {
            slow.join();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("finagent_database_slow_queries", database) == 0);
    }

    /**
     * A call without a valid token learns nothing but that: every documented operation, and any
     * other method or path under {@code /api}, answers 401 before its content type, its accepted
     * types, its body or its route are looked at.
     */
    @Test
    void everyOperationWithoutAValidTokenIs401BeforeAnyOtherCheck() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        List<String[]> calls = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> calls.add(new String[] {method, path.replaceAll("\\{[^}]+}", "x")})));
        calls.add(new String[] {"patch", "/api/v1/no-such-thing"});
        assertTrue(calls.size() > 2, "the service documents its operations");
        String expired = Tokens.agent("someone", Duration.ofMinutes(-10));
        for (String[] call : calls) {
            for (String token : Arrays.asList(null, "Bearer not-a-token", "Basic YTpi", Tokens.bearer(expired))) {
                var request = given().contentType("text/plain").accept("application/xml").body("{\"a\": 1, \"a\": 2}");
                if (token != null) {
                    request.header("Authorization", token);
                }
                request.when().request(call[0].toUpperCase(), call[1]).then()
                        .statusCode(401).contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                        .body("status", equalTo(401));
            }
        }
    }

    /**
     * The body limit holds for every operation but the import, announced or not: 11 MiB sent to
     * the first documented POST or PUT, once with its {@code Content-Length} and once in chunks, is a 413
     * problem naming the body (checked on the router, before roles and routes).
     */
    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsAnnouncedOrItComesInChunks() throws Exception {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        var operation = paths.entrySet().stream()
                .filter(p -> p.getValue().containsKey("post") || p.getValue().containsKey("put"))
                .filter(p -> !p.getKey().equals("/api/v1/backup/import")) // a restore streams without a limit
                .findFirst().orElseThrow();
        String path = operation.getKey().replaceAll("\\{[^}]+}", "1");
        String method = operation.getValue().containsKey("post") ? "POST" : "PUT";
        byte[] tooLarge = new byte[11 * 1024 * 1024];
        String token = Tokens.bearer(Tokens.agent("large-" + UUID.randomUUID()));

        given().header("Authorization", token).contentType("application/json").body(tooLarge)
                .when().request(method, path).then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("body"));

        HttpResponse<String> answer = ChunkedBodies.send(method, path, token, tooLarge);
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(Problem.MEDIA_TYPE, answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("\"field\":\"body\""), answer.body());
    }

    private static double gauge(String name, String database) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{database=\"" + Pattern.quote(database) + "\"[^}]*} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
