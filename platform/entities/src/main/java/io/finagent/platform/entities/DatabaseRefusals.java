package io.finagent.platform.entities;

import io.finagent.platform.problem.FailureProblems;
import io.finagent.platform.problem.Problem;
import io.finagent.platform.problem.ProblemType;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.Optional;

/** The database's own rules are the last line: a row they refuse is bad input or a conflict, not a 500. */
public final class DatabaseRefusals implements FailureProblems {

    @Override
    public Optional<Problem> of(Throwable failure) {
        if (!(failure instanceof ConstraintViolationException e)) {
            return Optional.empty();
        }
        String constraint = String.valueOf(e.getConstraintName());
        return Optional.of(e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                ? Problem.of(ProblemType.CONFLICT, "already exists (" + constraint + ")", List.of())
                : Problem.of(ProblemType.VALIDATION, "refused by the database rule " + constraint, List.of()));
    }
}
