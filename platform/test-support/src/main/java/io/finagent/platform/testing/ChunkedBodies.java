package io.finagent.platform.testing;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A body sent to the service under test in chunks: the JDK's client sends one of unknown length
 * with no Content-Length. Also the way for a big body (a restore's export): RestAssured, as Quarkus
 * configures it, prints every request body for the case its checks fail, and printing a byte array
 * of a few megabytes takes hundreds of megabytes of heap.
 */
public final class ChunkedBodies {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ChunkedBodies() {
    }

    public static HttpResponse<String> send(String method, String path, String bearer, byte[] body) throws Exception {
        return send(method, path, bearer, "application/json", body);
    }

    public static HttpResponse<String> send(String method, String path, String bearer, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", bearer).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
