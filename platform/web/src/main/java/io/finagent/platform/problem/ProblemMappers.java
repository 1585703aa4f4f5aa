package io.finagent.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.finagent.platform.domain.DomainRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;

/** Turns every failure of a REST call into application/problem+json; nothing leaks as a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.problem()));
        e.headers().forEach(response::header);
        return response.build();
    }

    /** A domain class's refusal (portfolio's {@code TradeRefused}, strategy's {@code AlertStepRefused}). */
    @ServerExceptionMapper
    public Response refused(DomainRefusal e) {
        return respond(Problems.of(e));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return respond(Problems.of(e));
    }

    /** Listed one by one: quarkus-rest-jackson maps some of these itself, as plain JSON. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, ValueInstantiationException.class})
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problems.of(e));
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

    /** Anything else: another module's own failure ({@link FailureProblems}), or a logged internal error. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return respond(Problems.of(e));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
