package io.finagent.cache;

import io.finagent.platform.testing.RealInfrastructure;
import io.finagent.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** L2 reads are gathered per event loop into MGETs: many at once, each still gets its own answer. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class L2ReadsTest {

    @TestHTTPResource("/api/v1/cache/")
    URI cache;

    private final String token = Tokens.bearer(Tokens.agent("lena-" + UUID.randomUUID()));

    @Test
    void manyConcurrentReadsOfStoredAndAbsentKeysEachGetTheirOwnAnswer() {
        int stored = 150;
        IntStream.rangeClosed(1, stored).forEach(n -> given().header("Authorization", token).contentType("application/json")
                .body(Map.of("n", n)).put("/api/v1/cache/k-" + n + "?levels=L2").then().statusCode(200));
        List<String> keys = new ArrayList<>();
        IntStream.rangeClosed(1, stored).forEach(n -> keys.add("k-" + n));
        IntStream.rangeClosed(1, stored).forEach(n -> keys.add("absent-" + n));
        Collections.shuffle(keys);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = keys.stream()
                .map(key -> client.sendAsync(HttpRequest.newBuilder(cache.resolve(key)).header("Authorization", token).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            HttpResponse<String> answer = answers.get(i).join();
            if (key.startsWith("absent-")) {
                assertEquals(404, answer.statusCode(), key);
            } else {
                assertEquals(200, answer.statusCode(), key);
                assertEquals("L2", answer.headers().firstValue("X-Cache-Level").orElseThrow(), key);
                assertEquals("{\"n\":" + key.substring(2) + "}", answer.body().replace(" ", ""), key);
            }
        }
    }
}
