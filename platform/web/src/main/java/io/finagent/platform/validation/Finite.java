package io.finagent.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number that is finite and at most {@link #max()} in magnitude. JSON has no NaN or infinity,
 * but a parser turns {@code 1e400} into infinity and {@code "NaN"} into NaN, and neither can be
 * compared, stored as NUMERIC or placed in a vector.
 */
@Documented
@Constraint(validatedBy = Finite.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Finite {

    /** The default bound: far above any price, volume or ratio, far below where a float loses its meaning. */
    double MAX = 1e12;

    double max() default MAX;

    String message() default "must be a finite number between -1e12 and 1e12";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Finite, Number> {

        private double max;

        @Override
        public void initialize(Finite annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return value == null || Math.abs(value.doubleValue()) <= max; // false for NaN and both infinities
        }
    }
}
