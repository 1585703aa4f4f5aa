package io.finagent.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.finagent.platform.domain.DomainRefusal;
import io.finagent.platform.json.JsonFieldPath;
import io.finagent.platform.json.RefusedJsonValue;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * What a failure tells the client, as a problem naming the fields as the client wrote them: the one
 * mapping behind every way in (REST's {@link ProblemMappers}, memory-service's MCP tools). Failures of
 * another platform module's own (the database's rules) are told by its {@link FailureProblems}.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final List<FailureProblems> MODULES = ServiceLoader.load(FailureProblems.class, Problems.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private Problems() {
    }

    /** Any failure: bad input and conflicts as themselves, anything unforeseen as a logged internal error. */
    public static Problem of(Throwable failure) {
        if (failure instanceof ProblemException e) {
            return e.problem();
        }
        if (failure instanceof DomainRefusal e) {
            return of(e);
        }
        if (failure instanceof ConstraintViolationException e) {
            return of(e);
        }
        if (failure instanceof JsonProcessingException e) {
            return of(e);
        }
        if (failure instanceof IllegalArgumentException e && e.getCause() instanceof JsonProcessingException json) {
            return of(json); // ObjectMapper.convertValue's refusal
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            return ProblemException.unauthenticated().problem();
        }
        if (failure instanceof ForbiddenException) {
            return ProblemException.forbidden().problem();
        }
        for (FailureProblems module : MODULES) {
            Optional<Problem> problem = module.of(failure);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        LOG.error("unexpected failure", failure);
        return ProblemException.internal().problem();
    }

    /** A domain rule's refusal: 422 naming the field, or 409 when the state has moved on. */
    public static Problem of(DomainRefusal e) {
        if (e.kind() == DomainRefusal.Kind.CONFLICT) {
            return Problem.of(ProblemType.CONFLICT, e.getMessage(), List.of());
        }
        return e.field().map(field -> Problem.of(ProblemType.UNPROCESSABLE, field + ": " + e.getMessage(),
                        List.of(new Problem.FieldError(field, e.getMessage()))))
                .orElseGet(() -> Problem.of(ProblemType.UNPROCESSABLE, e.getMessage(), List.of()));
    }

    public static Problem of(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(ProblemType.VALIDATION, detail, errors);
    }

    public static Problem of(JsonProcessingException e) {
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
        return Problem.of(ProblemType.MALFORMED_JSON, detail, errors);
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
