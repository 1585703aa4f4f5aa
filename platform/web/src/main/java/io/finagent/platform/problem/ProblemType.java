package io.finagent.platform.problem;

/** The stable problem types of the API: clients may switch on the {@code type} URI. */
public enum ProblemType {
    VALIDATION("validation-failed", "Request is not valid", 400),
    MALFORMED_JSON("malformed-json", "Request body is not valid JSON for this resource", 400),
    UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", 401),
    FORBIDDEN("forbidden", "The token's role does not allow this", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    CONFLICT("conflict", "Conflicting state", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    UNPROCESSABLE("unprocessable", "Request cannot be carried out", 422),
    HTTP_ERROR("http-error", "Request failed", 400),
    UNAVAILABLE("unavailable", "A store this request needs is unavailable; retry later", 503),
    INTERNAL("internal-error", "Internal error", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
