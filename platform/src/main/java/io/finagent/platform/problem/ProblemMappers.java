package io.finagent.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.finagent.platform.json.JsonFieldPath;
import io.finagent.platform.json.RefusedJsonValue;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure of a REST call into application/problem+json; nothing leaks as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.problem()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(ProblemType.VALIDATION, detail, errors));
    }

    /** Listed one by one: quarkus-rest-jackson maps some of these itself, as plain JSON. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, ValueInstantiationException.class})
    public Response malformedJson(JsonProcessingException e) {
        // a parser's refusal inside a map or a bean comes wrapped in a mapping error naming only the outer field
        JsonProcessingException read = e;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamReadException s && s.getProcessor() != null) {
                read = s;
                break;
            }
        }
        String field = read instanceof RefusedJsonValue refused ? refused.field()
                : read instanceof StreamReadException s // a key given twice, a syntax error: where the parser stopped
                ? JsonFieldPath.of(s.getProcessor().getParsingContext())
                : e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                : read.getOriginalMessage();
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field.isEmpty() ? message : field + ": " + message;
        return respond(Problem.of(ProblemType.MALFORMED_JSON, detail, errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return problem(ProblemException.unauthenticated());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(ProblemException.forbidden());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        if (e.getCause() instanceof ProblemException refused) { // a parameter's converter named it (EdgeInstants)
            return problem(refused);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter does not convert; it is bad input
            String detail = "a parameter does not have the expected form: " + e.getCause().getMessage();
            return respond(Problem.of(ProblemType.VALIDATION, detail, List.of()));
        }
        int status = e.getResponse().getStatus();
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == status && t != ProblemType.VALIDATION && t != ProblemType.MALFORMED_JSON)
                .findFirst().orElse(ProblemType.HTTP_ERROR);
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Problem problem = Problem.of(type, e.getMessage(), List.of());
        return respond(new Problem(problem.type(), problem.title(), status, problem.detail(), problem.errors()));
    }

    /** The database's own rules are the last line: a row they refuse is bad input or a conflict, not a 500. */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        String constraint = String.valueOf(e.getConstraintName());
        return e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                ? respond(Problem.of(ProblemType.CONFLICT, "already exists (" + constraint + ")", List.of()))
                : respond(Problem.of(ProblemType.VALIDATION, "refused by the database rule " + constraint, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return problem(ProblemException.internal());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * "record.arg0.marketContext.features[rsi_14].<map value>" becomes "marketContext.features.rsi_14":
     * clients know their fields and keys, not Java methods, arguments or container nodes.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName(); // a query or path parameter's own name; a body's fields follow it
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && node.getKey() != null) {
                field.append('.').append(node.getKey());
            } else if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() || field.charAt(0) == '[' || field.charAt(0) == '.' ? parameter + field : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
