package io.finagent.platform.performance;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls to another service with the timeouts and retries of {@code finagent.performance}: the
 * answer of a read must begin within {@code request-timeout}; a read refused by the connection
 * (nothing was sent) or answered 502/503/504 (a replica restarting, say) is tried again up to
 * {@code retries} times, waiting {@code retry-backoff}, doubled each time. A read that timed out is
 * not tried again: the service may still be working on it. A call that changes something (a
 * restore's streamed body, an archive's removal) is sent once, without the answer's timeout: it
 * may rightly take long, and a second one would overlap the first.
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private final PerformanceConfig config;
    private final HttpClient http;

    public ServiceCalls(PerformanceConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade: a streamed body cannot be replayed
    }

    public <T> HttpResponse<T> read(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(config.requestTimeout()).build();
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= config.retries();
            try {
                HttpResponse<T> response = http.send(built, body);
                if (last || response.statusCode() < 502 || response.statusCode() > 504) {
                    return response;
                }
                if (response.body() instanceof InputStream stream) {
                    stream.close();
                }
                LOG.infof("%s %s answered %d: trying again", built.method(), built.uri(), response.statusCode());
            } catch (ConnectException e) {
                if (last) {
                    throw e;
                }
                LOG.infof("%s %s: %s: trying again", built.method(), built.uri(), e);
            }
            Thread.sleep(config.retryBackoff().toMillis() << attempt);
        }
    }

    public <T> HttpResponse<T> change(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(request, body);
    }
}
