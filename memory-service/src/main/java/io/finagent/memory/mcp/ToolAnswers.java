package io.finagent.memory.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finagent.platform.idempotency.Created;
import io.finagent.platform.json.EdgeJson;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemException;
import io.finagent.platform.problem.Problems;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.Response;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;
import java.util.function.Supplier;

/**
 * How a tool answers: the body its REST twin would answer, as JSON text, or that operation's refusal
 * as a tool error carrying the problem's detail (which names the argument, as the field it is in
 * the REST body), never a protocol failure. A request is read as the REST edge reads a body
 * ({@link EdgeJson}: no U+0000, no out-of-range instant, …) and checked by the same rules.
 */
@ApplicationScoped
public class ToolAnswers {

    private final ObjectMapper json;
    private final ObjectMapper edge;
    private final Validator validator;

    public ToolAnswers(ObjectMapper json, EdgeJson edge, Validator validator) {
        this.json = json;
        this.edge = edge.getContext(Object.class);
        this.validator = validator;
    }

    /** The operation's answer; a request is checked by the rules of its REST body first. */
    public Uni<ToolResponse> answer(Object request, Supplier<Uni<?>> operation) {
        return Uni.createFrom().deferred(() -> {
            if (request != null) {
                edgeRead(request);
            }
            Set<ConstraintViolation<Object>> violations = request == null ? Set.of() : validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return operation.get();
        }).map(this::success).onFailure().recoverWithItem(ToolAnswers::refusal);
    }

    /** An Idempotency-Key as the REST header takes it: at most 100 characters. */
    public static String idempotencyKey(String key) {
        if (key != null && key.length() > 100) {
            throw ProblemException.invalid("idempotencyKey", "size must be between 0 and 100");
        }
        return key;
    }

    /** The request as the edge would have read it from a body: its refusal names the field. */
    private void edgeRead(Object request) {
        try {
            edge.readValue(json.writeValueAsBytes(request), request.getClass());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private ToolResponse success(Object body) {
        Object value = body instanceof Created<?> created ? created.value()
                : body instanceof Response response ? response.getEntity() : body;
        try {
            return ToolResponse.success(new TextContent(value instanceof String text ? text : json.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that does not serialize", e);
        }
    }

    private static ToolResponse refusal(Throwable failure) {
        Problem problem = Problems.of(failure);
        return ToolResponse.error(problem.status() >= 500 ? "the memory could not answer (" + problem.detail() + "); try again" : problem.detail());
    }
}
