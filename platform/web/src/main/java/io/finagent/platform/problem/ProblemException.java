package io.finagent.platform.problem;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Thrown by services for an expected failure; rendered as problem+json with its status. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors;
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, resource + " " + id + " not found", List.of());
    }

    /**
     * An id in the request that names nothing of the caller's (another user's, or nothing): 404,
     * naming the field, and saying the same in both cases so that it tells nobody what others own.
     */
    public static ProblemException unknownReference(String field, String resource, Collection<?> ids) {
        String message = "no " + resource + " of yours has the id" + (ids.size() == 1 ? " " : "s ")
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return new ProblemException(ProblemType.NOT_FOUND, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** A valid request the current state does not allow (selling more than is held, spending cash there is not): 422. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** A store the request needs is down (the service itself stays up): 503. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, List.of());
    }

    /** A key or a value over its size limit: 413, naming the field. */
    public static ProblemException tooLarge(String field, String message) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** No bearer token, or one that does not verify: 401, with the scheme to use. */
    public static ProblemException unauthenticated() {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "missing or invalid bearer token", List.of()).header("WWW-Authenticate", "Bearer");
    }

    public static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN, "this operation needs another role", List.of());
    }

    /** A failure nobody expected; the log has it, the caller gets no internals. */
    public static ProblemException internal() {
        return new ProblemException(ProblemType.INTERNAL, "unexpected error; see the service log", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    /** A response header to send with the problem (say, what a 404 from a cache knows about the absence). */
    public ProblemException header(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem problem() {
        return Problem.of(type, getMessage(), errors);
    }
}
