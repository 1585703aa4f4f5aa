package io.finagent.platform.problem;

import java.util.Optional;

/**
 * A platform module's own failures as problems, for {@link Problems#of(Throwable)}: each module
 * that has some registers one in {@code META-INF/services}, so the web module knows none of their
 * types (platform-database's refusals by the database's rules).
 */
public interface FailureProblems {

    /** The problem this failure is, or empty when it is not one of this module's. */
    Optional<Problem> of(Throwable failure);
}
