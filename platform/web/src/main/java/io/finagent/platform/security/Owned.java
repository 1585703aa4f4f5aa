package io.finagent.platform.security;

import io.finagent.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Scoping helper: a row looked up for a user that is absent (or another user's) is a 404; so is
 * one a request's field names, with the field named.
 */
public final class Owned {

    private Owned() {
    }

    public static <T> Uni<T> orNotFound(Uni<T> lookup, String resource, Object id) {
        return lookup.onItem().ifNull().failWith(() -> ProblemException.notFound(resource, id));
    }

    public static <T> Uni<T> orUnknownReference(Uni<T> lookup, String field, String resource, Object id) {
        return lookup.onItem().ifNull().failWith(() -> ProblemException.unknownReference(field, resource, List.of(id)));
    }
}
