package io.finagent.platform.domain;

import java.util.Optional;

/**
 * What a domain class throws when its rules refuse a request (a sale of more than is held, an
 * alert asked to skip a step). It knows nothing of HTTP: {@code Problems} maps it, once, for every
 * way in (REST, routes, MCP tools): {@link Kind#NOT_ALLOWED} to 422 naming the field,
 * {@link Kind#CONFLICT} to 409.
 */
public abstract class DomainRefusal extends RuntimeException {

    public enum Kind {
        /** The request is valid, but the current state does not allow it. */
        NOT_ALLOWED,
        /** The state has moved past what the request assumes. */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    protected DomainRefusal(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request's field the refusal is about, as the client wrote it, when there is one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
