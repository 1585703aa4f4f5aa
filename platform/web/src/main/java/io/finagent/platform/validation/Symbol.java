package io.finagent.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A market symbol as every service stores it: 1 to 32 letters, digits or {@code . : / _ -} (AAPL, BRK.B, BTC/USD, ES:CME). */
@Documented
@Pattern(regexp = Symbol.PATTERN)
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Symbol {

    /** For checks outside Bean Validation (a Vert.x route's parameters). */
    String PATTERN = "^[A-Za-z0-9.:/_-]{1,32}$";
    String RULE = "must be 1 to 32 letters, digits or . : / _ -";

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
