package io.finagent.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer of every create: 201, Location of the new resource, and whether it was a replay. */
public final class Responses {

    private Responses() {
    }

    public static Response created(UriInfo uri, Object id, boolean replayed, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .header("Idempotent-Replayed", replayed)
                .entity(body).build();
    }
}
