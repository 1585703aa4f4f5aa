package io.finagent.platform.rest;

import io.finagent.platform.problem.ProblemException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Every instant in a query or path parameter of every endpoint: one that does not parse is a 400
 * naming the parameter as the client wrote it ({@code ?asOf=yesterday}), not JAX-RS's nameless
 * "not found" for a parameter that does not convert.
 */
@Provider
public class EdgeInstants implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Instant.class) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<Instant>() {
            @Override
            public Instant fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(name, "must be a UTC instant such as 2026-12-01T21:00:00Z, not " + value);
                }
            }

            @Override
            public String toString(Instant value) {
                return value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }
}
