package io.finagent.system.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** One generated request: what it tries ({@code kind}), and everything needed to send and to show it again. */
public record FuzzRequest(Operation operation, String kind, String pathAndQuery, Map<String, String> headers, String body) {

    HttpRequest toHttp(String baseUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return request.method(operation.method(), publisher).build();
    }

    /** As printed in the report: the body cut at 300 characters. */
    @Override
    public String toString() {
        String shown = body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body);
        Map<String, String> visible = new java.util.TreeMap<>(headers);
        visible.computeIfPresent("Authorization", (k, v) -> v.length() > 20 ? v.substring(0, 20) + "…" : v);
        return operation.method() + " " + pathAndQuery + " [" + kind + "] " + visible + shown;
    }
}
