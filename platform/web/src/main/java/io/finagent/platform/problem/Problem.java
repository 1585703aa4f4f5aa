package io.finagent.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail; {@code errors} names each offending field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://finagent.io/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, errors);
    }
}
