package io.finagent.platform.rest;

/**
 * An endpoint whose request bodies may exceed {@code finagent.http.max-body-size}: a bean of
 * this type exempts its path from {@link RequestSizeLimit}. The module that declares one also
 * raises Quarkus' own {@code quarkus.http.limits.max-body-size}, which then bounds it alone.
 */
public interface LargeBodyEndpoint {

    /** The request path, exactly as it is routed (no template). */
    String path();
}
