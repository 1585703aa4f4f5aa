package io.finagent.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Request bodies: a restore streams a whole service's data into {@code POST
 * /api/v1/backup/import}, so Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) is
 * set for that; every other request announcing more than {@code finagent.http.max-body-size}
 * (10 MiB) is refused here with a 413 before its body is read.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private static final String IMPORT = "/api/v1/backup/import";

    private final long limit;
    private final String refusal;

    public RequestSizeLimit(@ConfigProperty(name = "finagent.http.max-body-size", defaultValue = "10M") MemorySize limit,
                            ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.refusal = json.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "body: larger than " + this.limit + " bytes",
                List.of(new Problem.FieldError("body", "at most " + this.limit + " bytes"))));
    }

    void register(@Observes Router router) {
        router.route().order(-3).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && !rc.request().path().equals(IMPORT) && parse(length) > limit) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(refusal);
                return;
            }
            rc.next();
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
