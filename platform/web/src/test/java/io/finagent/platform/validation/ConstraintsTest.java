package io.finagent.platform.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The platform's constraints on numbers and instants, with Hibernate Validator as the services run it. */
class ConstraintsTest {

    record Market(Map<String, @Finite Double> features, @Finite Double price) {
    }

    record Happening(@Happened Instant at, @ReadableInstant Instant asOf) {
    }

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aNumberMustBeFiniteAndWithinItsBound() {
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e13, -1e13}) {
            assertEquals(2, VALIDATOR.validate(new Market(Map.of("rsi_14", bad), bad)).size(), "refuses " + bad);
        }
        assertEquals(0, VALIDATOR.validate(new Market(Map.of("rsi_14", 1e12), -1e12)).size());
        assertEquals(0, VALIDATOR.validate(new Market(Map.of(), null)).size());
    }

    @Test
    void somethingThatHappenedIsNeitherBeforeTheFloorNorMoreThanAMinuteAhead() {
        Instant now = Instant.now();
        assertEquals(1, VALIDATOR.validate(new Happening(Instant.MAX, null)).size());
        assertEquals(1, VALIDATOR.validate(new Happening(now.plus(2, ChronoUnit.MINUTES), null)).size());
        assertEquals(1, VALIDATOR.validate(new Happening(Instants.FLOOR.minusNanos(1000), null)).size());
        assertEquals(0, VALIDATOR.validate(new Happening(now.plusSeconds(30), null)).size(), "a little clock drift");
        assertEquals(0, VALIDATOR.validate(new Happening(Instants.FLOOR, null)).size());
    }

    @Test
    void aPointToReadAsOfMayBeInTheFutureButNotBeyondTheCeiling() {
        assertEquals(0, VALIDATOR.validate(new Happening(null, Instant.parse("2999-01-01T00:00:00Z"))).size());
        assertEquals(0, VALIDATOR.validate(new Happening(null, Instants.CEILING)).size());
        assertEquals(1, VALIDATOR.validate(new Happening(null, Instant.MAX)).size());
        assertEquals(1, VALIDATOR.validate(new Happening(null, Instant.parse("1899-12-31T23:59:59Z"))).size());
    }
}
